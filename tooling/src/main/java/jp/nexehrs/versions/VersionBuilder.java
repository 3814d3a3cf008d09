package jp.nexehrs.versions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.nexehrs.changelog.VersionContent;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.HistoryException;
import jp.nexehrs.history.Version;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds one version with today's toolchain into {@code build/.versions/}. A release is built once, from its
 * commit's files written out of Git, and cached by commit id: {@code release.json} is written last, so a folder
 * without it is an interrupted build and is redone; a folder with it is reused as it is, without running the
 * pipeline. (Delete {@code build/.versions/} to rebuild releases with a newer toolchain.) The draft {@code current}
 * is built from the working tree every time.
 */
public final class VersionBuilder {
    public static final String CACHE_DIR = ".versions";
    static final String RELEASE_RECORD = "release.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Toolkit toolkit;
    private final Progress progress;
    private final GitRepository git;
    private final Path cache;

    public VersionBuilder(Toolkit toolkit, Progress progress, GitRepository git) {
        this.toolkit = toolkit;
        this.progress = progress;
        this.git = git;
        this.cache = git.projectRoot().resolve(Pipeline.BUILD_DIR).resolve(CACHE_DIR);
    }

    /** What a cached release records besides the commit id it is filed under. */
    record ReleaseRecord(String version, String tag, String commit, String packageFile) {}

    public BuiltVersion build(Version version) throws NexehrsException, IOException {
        return version.isCurrent() ? buildCurrent(version) : buildRelease(version);
    }

    private BuiltVersion buildRelease(Version version) throws NexehrsException, IOException {
        Path dir = cache.resolve(version.commitId());
        Path record = dir.resolve(RELEASE_RECORD);
        if (Files.isRegularFile(record)) {
            ReleaseRecord cached = JSON.readValue(record.toFile(), ReleaseRecord.class);
            progress.say("version " + version.name() + ": reusing the build of commit " + version.shortCommit());
            return new BuiltVersion(version, dir, cached.packageFile(), null, List.of());
        }
        progress.say("version " + version.name() + ": building commit " + version.shortCommit() + " (once; cached after)");
        Folders.delete(dir);
        Path source = dir.resolve("source");
        git.export(version.commitId(), source);
        if (!Files.isRegularFile(source.resolve(ProjectLoader.configFileOf(source)))) {
            Folders.delete(dir);
            throw new HistoryException("version " + version.name() + " (tag " + version.tag() + ") has no "
                    + ProjectLoader.CONFIG_FILE + " (nor a guide's sushi-config.yaml): it is not a nexehrs project at that commit");
        }
        try {
            Outcome outcome = new Pipeline(toolkit, progress).run(source, Goal.BUILD, git.fileHistory(version.commitId()), dir);
            if (outcome.failed()) return new BuiltVersion(version, dir, "", outcome, outcome.findings());
            VersionContent.of(outcome.checked()).write(dir.resolve("content"), toolkit.fhir().context());
            String packageFile = outcome.products().packageArchive().orElseThrow().fileName();
            JSON.writeValue(record.toFile(), new ReleaseRecord(version.name(), version.tag(), version.commitId(), packageFile));
            return new BuiltVersion(version, dir, packageFile, outcome, outcome.findings());
        } catch (SourceException e) {
            throw new SourceException("[" + version.name() + "] " + e.file(), e.line(), e.column(), e.getMessage(), e);
        } finally {
            Folders.delete(source);
        }
    }

    private BuiltVersion buildCurrent(Version version) throws NexehrsException, IOException {
        Path dir = cache.resolve(Version.CURRENT);
        progress.say("version current: building the working tree");
        Path root = git.projectRoot();
        // The working tree is the draft: its package never carries the version of a release.
        Outcome outcome = new Pipeline(toolkit, progress).asDraft().run(root, Goal.BUILD, ProjectLoader.workingTreeHistory(root), dir);
        if (outcome.failed()) return new BuiltVersion(version, dir, "", outcome, outcome.findings());
        Folders.delete(dir.resolve("content"));
        VersionContent.of(outcome.checked()).write(dir.resolve("content"), toolkit.fhir().context());
        return new BuiltVersion(version, dir, outcome.products().packageArchive().orElseThrow().fileName(), outcome, outcome.findings());
    }

    /** The content a built version saved, for the change log. */
    public VersionContent content(BuiltVersion built) throws IOException {
        return VersionContent.read(built.content(), toolkit.fhir().context());
    }
}
