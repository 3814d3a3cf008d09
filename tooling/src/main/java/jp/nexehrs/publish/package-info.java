/**
 * Stage 7, publish: {@link jp.nexehrs.publish.Publisher} alone writes the output in {@code build/}: a staging folder swapped
 * in whole, under the build folder's lock, so a failed or killed build leaves the last good output.
 */
package jp.nexehrs.publish;
