package jp.nexehrs.cache;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A build that takes results from build/.cache writes exactly the bytes of a clean build: with a cold cache, a
 * warm one with nothing changed, and after a document and a profile changed. Each build uses a new toolkit, as
 * separate runs of {@code nexehrs build} would.
 */
class CachedBuildTest {
    private static final long EPOCH = 946684800L;

    @TempDir
    Path dir;

    @Test
    void theFixtureBuildsToTheSameBytesFromTheCache() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        assertSameBytesWithAndWithoutCache(root, "spec/01-intro.adoc",
                "profiles/structuredefinitions/StructureDefinition-minimal-patient.json", 1, 1, 2);
    }

    @Test
    void thisRepositorysSpecificationBuildsToTheSameBytesFromTheCache() throws Exception {
        Path root = TestProjects.copyRepositorySpec(dir.resolve("spec-copy"));
        assertSameBytesWithAndWithoutCache(root, "spec/03-sharing.adoc",
                "profiles/structuredefinitions/StructureDefinition-nexehrs-pseudonymised-patient.json", 10, 15, 47);
    }

    @Test
    void aNewVersionInTheConfigIsStampedIntoCachedSnapshotsToo() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("version"));
        build(root, true);
        Path config = root.resolve("nexehrs.yaml");
        Files.writeString(config, Files.readString(config).replace("version: 1.0.0", "version: 1.1.0"));

        build(root, true);
        Map<String, String> cachedOutput = output(root);
        build(root, false);

        assertEquals(output(root), cachedOutput, "the snapshot and findings made for 1.0.0 are not reused for 1.1.0");
        assertTrue(Files.readString(root.resolve("build/site/StructureDefinition-minimal-patient.json")).contains("\"1.1.0\""));
    }

    @Test
    void aDocumentEmbeddingAProfilesTableIsConvertedAgainWhenThatProfileChanges() throws Exception {
        Path root = TestProjects.copyRepositorySpec(dir.resolve("table-copy"));
        build(root, true);
        Path profile = root.resolve("profiles/structuredefinitions/StructureDefinition-nexehrs-patient.json");
        Files.writeString(profile, Files.readString(profile).replaceFirst("\"short\"\\s*:\\s*\"", "\"short\": \"（改訂）"));

        Outcome cached = build(root, true);
        Map<String, String> cachedOutput = output(root);
        Outcome clean = build(root, false);

        assertEquals(output(root), cachedOutput, "the embedded table in 02 follows the changed snapshot");
        assertTrue(cached.cache().of(CacheStage.DOCUMENT).misses() >= 1, cached.cache().summary());
        assertTrue(clean.findings().stream().noneMatch(f -> f.isError()), "the changed spec still builds");
    }

    private void assertSameBytesWithAndWithoutCache(Path root, String document, String profile, int documents, int profiles,
                                                    int instances) throws Exception {
        Outcome clean = build(root, false);
        assertEquals("cache: off (--no-cache): everything converted and validated afresh", clean.cache().summary());
        assertFalse(Files.exists(root.resolve("build/.cache")), "--no-cache stores nothing");
        Map<String, String> cleanOutput = output(root);

        Outcome cold = build(root, true);
        assertEquals(cleanOutput, output(root), "a build with an empty cache writes what a clean build writes");
        assertEquals(documents, cold.cache().of(CacheStage.DOCUMENT).misses(), cold.cache().summary());

        Outcome warm = build(root, true);
        assertEquals(cleanOutput, output(root), "a build from a warm cache writes the same bytes");
        assertCounts(warm, CacheStage.DOCUMENT, documents, 0);
        assertCounts(warm, CacheStage.SNAPSHOT, profiles, 0);
        assertCounts(warm, CacheStage.VALIDATION, instances, 0);

        Files.writeString(root.resolve(document), Files.readString(root.resolve(document)) + "\n== 追記した節\n\n追記した本文。\n");
        String profileText = Files.readString(root.resolve(profile));
        Files.writeString(root.resolve(profile), profileText.replaceFirst("\"description\"\\s*:\\s*\"", "\"description\": \"（改訂）"));
        assertNotEquals(profileText, Files.readString(root.resolve(profile)), "the profile was changed");

        Outcome changed = build(root, true);
        Map<String, String> changedOutput = output(root);
        assertNotEquals(cleanOutput, changedOutput);
        assertCounts(changed, CacheStage.DOCUMENT, documents - 1, 1);
        assertTrue(changed.cache().of(CacheStage.SNAPSHOT).misses() >= 1, changed.cache().summary());
        assertTrue(changed.cache().of(CacheStage.SNAPSHOT).hits() < profiles, changed.cache().summary());
        assertTrue(changed.cache().of(CacheStage.VALIDATION).misses() >= 1, "the instances that reach the profile are revalidated");
        build(root, false);
        assertEquals(output(root), changedOutput, "after a change, the cached build writes what a clean build writes");
        assertTrue(TestProjects.errors(changed.findings()).isEmpty(), TestProjects.describe(changed.findings()));
    }

    @Test
    void rebuildsInOneLongLivedToolkitWriteTheCleanBuildsBytes() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        try (Toolkit toolkit = TestToolkits.of(2, EPOCH, new Toolkit.Caching(true, "test"))) {
            Pipeline pipeline = new Pipeline(toolkit, Progress.SILENT);
            pipeline.run(root, Goal.BUILD);
            Path profile = root.resolve("profiles/structuredefinitions/StructureDefinition-minimal-patient.json");
            Files.writeString(profile, Files.readString(profile).replaceFirst("\"description\"\\s*:\\s*\"", "\"description\": \"（改訂）"));
            Files.writeString(root.resolve("spec/01-intro.adoc"), Files.readString(root.resolve("spec/01-intro.adoc")) + "\n追記。\n");
            pipeline.run(root, Goal.BUILD);
            Outcome again = pipeline.run(root, Goal.BUILD);
            assertEquals(0, again.cache().of(CacheStage.SNAPSHOT).misses(), "the second run decodes nothing afresh");
        }
        Map<String, String> warmOutput = output(root);
        build(root, false);
        assertEquals(output(root), warmOutput, "what nexehrs serve's warm toolkit builds is what a clean build writes");
    }

    @Test
    void aValueSetChangeRevalidatesTheExamplesWhoseProfileBindsIt() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        assertTrue(TestProjects.errors(build(root, true).findings()).isEmpty());
        String example = "profiles/examples/Patient-hanako.json";
        assertFalse(Files.readString(root.resolve(example)).contains("ValueSet/minimal-marital-status"),
                "the example reaches the value set only through its profile's binding");
        Path valueSet = root.resolve("profiles/valuesets/ValueSet-minimal-marital-status.json");
        Files.writeString(valueSet, Files.readString(valueSet).replace("\"system\": \"http://example.org/fhir/CodeSystem/minimal-marital\"}",
                "\"system\": \"http://example.org/fhir/CodeSystem/minimal-marital\", \"concept\": [{\"code\": \"married\"}]}"));

        Outcome changed = build(root, true);
        assertEquals(0, changed.cache().of(CacheStage.VALIDATION).hits(), changed.cache().summary());
        assertFalse(TestProjects.errors(TestProjects.on(changed.findings(), example)).isEmpty(),
                "'single' is no longer in the value set: " + TestProjects.describe(changed.findings()));
        Map<String, String> cachedOutput = output(root);
        build(root, false);
        assertEquals(cachedOutput, output(root));
    }

    private static void assertCounts(Outcome outcome, CacheStage stage, int hits, int misses) {
        assertEquals(new CacheStats.Counts(hits, misses), outcome.cache().of(stage), outcome.cache().summary());
    }

    private static Outcome build(Path root, boolean cached) throws Exception {
        Toolkit.Caching caching = cached ? new Toolkit.Caching(true, "test") : Toolkit.Caching.OFF;
        try (Toolkit toolkit = TestToolkits.of(2, EPOCH, caching)) {
            return new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
    }

    /** Every output file's digest: the site, the package and the QA report; not the cache itself. */
    private static Map<String, String> output(Path root) throws IOException {
        Map<String, String> digests = TestProjects.contentDigests(root.resolve("build"), ".cache", ".last-build.json");
        assertTrue(digests.containsKey("site/index.html") && digests.containsKey("qa.json"), digests.keySet().toString());
        return digests;
    }
}
