package jp.nexehrs.history;

import java.time.Instant;
import java.time.ZoneOffset;

/** The last commit that changed a file: shown on its page as 最終更新. */
public record FileChange(String commitId, Instant date) {
    public String shortCommit() {
        return commitId.length() > 7 ? commitId.substring(0, 7) : commitId;
    }

    /** The commit's date as yyyy-MM-dd (UTC), the form the pages show. */
    public String day() {
        return date.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
