package jp.nexehrs.history;

import java.time.Instant;

/**
 * One version of the specification: a release (a tag that looks like a version) or the draft {@code current}
 * (the checked-out branch, built from the working tree).
 *
 * @param name         {@code 1.2.0} (without a leading v), or {@code current}
 * @param tag          the tag's name, e.g. {@code v1.2.0}; empty for current
 * @param commitId     the commit the tag points at (HEAD for current)
 * @param date         the tag's date for an annotated tag, else the commit's
 * @param releaseNotes the annotated tag's message; empty for a lightweight tag and for current
 * @param semver       the parsed version; null for current
 */
public record Version(String name, String tag, String commitId, Instant date, String releaseNotes, SemanticVersion semver) {
    public static final String CURRENT = "current";

    public boolean isCurrent() {
        return semver == null;
    }

    /**
     * The FHIR package-list status: {@code ci-build} for the draft, {@code ballot} for a pre-release
     * ({@code 1.3.0-ballot1}), {@code trial-use} for a release.
     */
    public String status() {
        if (isCurrent()) return "ci-build";
        return semver.isPreRelease() ? "ballot" : "trial-use";
    }

    public String shortCommit() {
        return commitId.length() > 7 ? commitId.substring(0, 7) : commitId;
    }
}
