package jp.nexehrs.versions;

import jp.nexehrs.changelog.ChangeLog;
import jp.nexehrs.changelog.ChangeLogBuilder;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.Version;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.publish.BuildLock;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code nexehrs diff <from> <to>}: the change log between two versions (releases or {@code current}),
 * comparing the snapshots and document outlines their builds saved. A release not built yet is built and
 * cached first; {@code current} is built from the working tree.
 */
public final class VersionDiff {
    private final Toolkit toolkit;
    private final Progress progress;

    public VersionDiff(Toolkit toolkit, Progress progress) {
        this.toolkit = toolkit;
        this.progress = progress;
    }

    /** The change log, or the findings of a version that does not build. */
    public record Result(ChangeLog changeLog, List<Finding> findings) {}

    public Result compare(Path projectDir, String from, String to)
            throws NexehrsException, IOException {
        Path root = ProjectLoader.locate(projectDir);
        // One lock on build/ for the whole run: the release cache and the site are written under it.
        try (GitRepository git = GitRepository.open(root);
             BuildLock lock = BuildLock.acquire(root.resolve(Pipeline.BUILD_DIR), progress::say)) {
            Version fromVersion = git.resolve(from);
            Version toVersion = git.resolve(to);
            VersionBuilder builder = new VersionBuilder(toolkit, progress, git);
            BuiltVersion before = builder.build(fromVersion);
            if (before.failed()) return new Result(null, before.findings());
            BuiltVersion after = builder.build(toVersion);
            if (after.failed()) return new Result(null, after.findings());
            return new Result(new ChangeLogBuilder().compare(fromVersion.name(), builder.content(before),
                    toVersion.name(), builder.content(after)), List.of());
        }
    }
}
