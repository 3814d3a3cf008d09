package jp.nexehrs.pipeline;

import jp.nexehrs.publish.LastBuild;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import jp.nexehrs.util.Folders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build of the working tree is skipped only when build/ holds exactly what it would write: the same project
 * files, dependency packages, options and toolchain, and the last build's output still in place. The toolkits are
 * shared by the builds: what decides is on disk (the project, build/), as it is between runs of {@code nexehrs build}.
 */
class UnchangedBuildTest {
    private static Toolkit cachedToolkit;
    private static Toolkit uncachedToolkit;
    private static final long EPOCH = 946684800L;
    private static final String DOCUMENT = "spec/01-intro.adoc";

    @TempDir
    Path dir;

    @Test
    void aSecondBuildOfUnchangedFilesIsSkippedWithTheSameFindings() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        assertTrue(unchanged(root, true).isEmpty(), "nothing was built yet");
        Outcome built = build(root, true);

        LastBuild last = unchanged(root, true).orElseThrow(() -> new AssertionError("nothing changed, yet the build would run"));
        assertEquals(built.findings(), last.findings(), "the skipped build reports what the last one found");
        assertTrue(unchanged(root, false).isEmpty(), "--no-cache always builds");
    }

    @Test
    void aChangedFileOrAFileChangedBackAfterAnotherBuildRunsTheBuild() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        build(root, true);
        String original = Files.readString(root.resolve(DOCUMENT));
        Files.writeString(root.resolve(DOCUMENT), original + "\n追記。\n");
        assertTrue(unchanged(root, true).isEmpty(), "a changed document");

        build(root, true);
        Files.writeString(root.resolve(DOCUMENT), original);
        assertTrue(unchanged(root, true).isEmpty(), "build/ holds the other text's build, not this one's");
        Files.writeString(root.resolve("spec/02-new.adoc"), "= 新しい文書\n\n本文。\n");
        assertTrue(unchanged(root, true).isEmpty(), "a new file");
    }

    @Test
    void aBuildThatFailedOrRanWithoutTheCacheInBetweenIsNotMistakenForTheRecordedOne() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        build(root, true);
        build(root, false);
        assertFalse(Files.exists(root.resolve("build/.last-build.json")), "a build without the cache forgets the record");
        assertTrue(unchanged(root, true).isEmpty());

        build(root, true);
        Path example = root.resolve("profiles/examples/Patient-hanako.json");
        String valid = Files.readString(example);
        Files.writeString(example, TestProjects.brokenPatient("hanako"));
        Outcome failed = build(root, true);
        assertTrue(failed.failed());
        LastBuild afterFailure = unchanged(root, true).orElseThrow(() -> new AssertionError("the failed build is recorded too"));
        assertTrue(afterFailure.findings().stream().anyMatch(Finding::isError), "and running it again reports its errors again");

        Files.writeString(example, valid);
        assertTrue(unchanged(root, true).isEmpty(), "build/ holds the failed build's report, not the good one's");
    }

    @Test
    void deletedOutputOrAChangedDependencyOutsideTheProjectRunsTheBuild() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        Path dependency = TestProjects.copyTree(Path.of("src/test/resources/projects/real-guide/deps/example.base"), dir.resolve("elsewhere/example.base"));
        Path config = root.resolve("nexehrs.yaml");
        Files.writeString(config, Files.readString(config).replace("dependencies: []", "")
                + "\ndependencies:\n  - id: example.base\n    version: 1.0.0\n    path: " + dependency.toAbsolutePath() + "\n");
        Outcome built = build(root, true);
        assertTrue(TestProjects.errors(built.findings()).isEmpty(), TestProjects.describe(built.findings()));
        assertTrue(unchanged(root, true).isPresent());

        Path packageJson = dependency.resolve("package/package.json");
        Files.writeString(packageJson, Files.readString(packageJson) + "\n");
        assertTrue(unchanged(root, true).isEmpty(), "the dependency package changed");

        build(root, true);
        assertTrue(unchanged(root, true).isPresent());
        Folders.delete(root.resolve("build/site"));
        assertTrue(unchanged(root, true).isEmpty(), "the site was deleted");
    }

    @Test
    void aDraftAfterAReleaseBuildOrTheReverseIsNotSkipped() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        build(root, true);
        assertTrue(pipeline(true).asDraft().unchangedSinceLastBuild(root).isEmpty(), "build/ holds the release's package, not the draft's");
        pipeline(true).asDraft().run(root, Goal.BUILD);
        assertTrue(Files.isRegularFile(root.resolve("build/package/example.minimal-1.0.0-cibuild.tgz")));
        assertTrue(pipeline(true).asDraft().unchangedSinceLastBuild(root).isPresent(), "the same draft again is skipped");
        assertTrue(unchanged(root, true).isEmpty(), "build/ holds the draft's package, not the release's");
    }

    @BeforeAll
    static void toolkits() {
        cachedToolkit = TestToolkits.of(2, EPOCH, new Toolkit.Caching(true, "test"));
        uncachedToolkit = TestToolkits.of(2, EPOCH, Toolkit.Caching.OFF);
    }

    @AfterAll
    static void closeToolkits() {
        cachedToolkit.close();
        uncachedToolkit.close();
    }

    private static Pipeline pipeline(boolean cached) {
        return new Pipeline(cached ? cachedToolkit : uncachedToolkit, Progress.SILENT);
    }

    private static Outcome build(Path root, boolean cached) throws Exception {
        return pipeline(cached).run(root, Goal.BUILD);
    }

    private static Optional<LastBuild> unchanged(Path root, boolean cached) throws Exception {
        return pipeline(cached).unchangedSinceLastBuild(root);
    }
}
