package jp.nexehrs.versions;

import jp.nexehrs.history.Version;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.report.Finding;

import java.nio.file.Path;
import java.util.List;

/**
 * One version built into its own folder ({@code build/.versions/<commit>/} for a release, {@code
 * build/.versions/current/} for the draft): {@code site/}, {@code package/}, {@code content/} (what the change
 * log compares) and, for a complete release, {@code release.json}.
 *
 * @param outcome the pipeline's outcome; null when a cached release was reused (nothing was run)
 */
public record BuiltVersion(Version version, Path dir, String packageFile, Outcome outcome, List<Finding> findings) {
    public BuiltVersion {
        findings = List.copyOf(findings);
    }

    public boolean reused() {
        return outcome == null;
    }

    public boolean failed() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public Path site() {
        return dir.resolve("site");
    }

    public Path content() {
        return dir.resolve("content");
    }
}
