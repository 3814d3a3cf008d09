/**
 * Beside the stages, after check: what changed between two versions (snapshots and document sections), each
 * change judged breaking or not by the rules in {@link jp.nexehrs.changelog.ChangeKind}; used by {@code versions}.
 */
package jp.nexehrs.changelog;
