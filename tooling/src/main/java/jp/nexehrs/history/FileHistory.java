package jp.nexehrs.history;

import java.util.Map;
import java.util.Optional;

/**
 * When each file of a project last changed, by its path relative to the project root (forward slashes).
 * Empty for a project outside Git, or whose history is cut off (a shallow clone), rather than wrong.
 */
public record FileHistory(Map<String, FileChange> lastChanges) {
    public static final FileHistory NONE = new FileHistory(Map.of());

    public FileHistory {
        lastChanges = Map.copyOf(lastChanges);
    }

    public Optional<FileChange> lastChange(String projectRelativePath) {
        return Optional.ofNullable(lastChanges.get(projectRelativePath));
    }
}
