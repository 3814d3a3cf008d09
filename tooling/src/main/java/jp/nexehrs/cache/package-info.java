/**
 * Foundation: the build cache in {@code build/.cache}: results of convert and check (documents, snapshots,
 * validation findings) filed under the hash of their inputs and the toolchain, reused when nothing changed.
 */
package jp.nexehrs.cache;
