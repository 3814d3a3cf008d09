package jp.nexehrs.changelog;

import java.util.List;

/** What changed from one version to another, profiles first, then documents. */
public record ChangeLog(String from, String to, List<Change> changes) {
    public ChangeLog {
        changes = List.copyOf(changes);
    }

    public long breakingCount() {
        return changes.stream().filter(Change::breaking).count();
    }

    public long nonBreakingCount() {
        return changes.size() - breakingCount();
    }
}
