package jp.nexehrs.history;

import java.util.Map;
import java.util.Optional;

/**
 * When each file of a project last changed, by its path relative to the project root (forward slashes).
 * Empty for a project outside Git; empty with the reason when Git could not tell (a shallow clone, whose
 * dates would be wrong, or a repository that cannot be read), so that the build can say why pages have no dates.
 */
public record FileHistory(Map<String, FileChange> lastChanges, Optional<String> unavailableBecause) {
    /** Not in Git: no dates, and nothing to report. */
    public static final FileHistory NONE = new FileHistory(Map.of());

    public FileHistory {
        lastChanges = Map.copyOf(lastChanges);
    }

    public FileHistory(Map<String, FileChange> lastChanges) {
        this(lastChanges, Optional.empty());
    }

    public static FileHistory unavailable(String reason) {
        return new FileHistory(Map.of(), Optional.of(reason));
    }

    public Optional<FileChange> lastChange(String projectRelativePath) {
        return Optional.ofNullable(lastChanges.get(projectRelativePath));
    }
}
