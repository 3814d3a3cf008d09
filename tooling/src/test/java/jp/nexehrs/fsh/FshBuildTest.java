package jp.nexehrs.fsh;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.node.NodeUnavailableException;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A small guide written in FSH (fixture {@code fsh-guide}) built with the real SUSHI: its resources join the build as
 * JSON-authored ones do, SUSHI's messages and the validator's findings point at the {@code .fsh} lines, and an
 * unchanged guide is not compiled again.
 */
class FshBuildTest {
    private static final long EPOCH = 946684800L;

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void copyFixture() {
        assumeTrue(NodeTools.inUserCache().nodeMajorVersion().isPresent(),
                "SKIPPED: Node.js is not installed on this machine, so SUSHI cannot compile the FSH fixture");
        root = CorpusFixtures.copyProject("fsh-guide", dir.resolve("fsh-guide"));
    }

    @Test
    void theFshGuideBuildsAndFindingsPointAtTheFshLines() throws Exception {
        List<String> said = new ArrayList<>();
        Outcome outcome = build(said);

        List<String> keys = outcome.checked().converted().conformance().stream().map(ConformanceArtifact::key).toList();
        assertTrue(keys.containsAll(List.of("StructureDefinition-jp-fsh-patient", "StructureDefinition-jp-birth-place", "ValueSet-jp-gender")),
                keys.toString());
        StructureDefinition profile = (StructureDefinition) outcome.checked().converted().conformance().stream()
                .filter(a -> a.key().equals("StructureDefinition-jp-fsh-patient")).findFirst().orElseThrow().resource();
        assertEquals("日本の患者", profile.getTitle());
        assertTrue(profile.getSnapshot().getElement().stream().anyMatch(e -> e.getPath().equals("Patient.name") && "氏名（漢字・カナ）".equals(e.getShort())),
                "the generated profile got its snapshot, with the Japanese text, like a JSON-authored one");
        assertEquals("0.1.0", profile.getVersion());
        assertTrue(outcome.checked().examples().stream().anyMatch(e -> e.source().key().equals("Patient-GoodPatient")
                && e.source().file().equals("fsh-generated/resources/Patient-GoodPatient.json")), "the instance is validated as an example");
        assertFalse(Files.exists(root.resolve(FshFolders.GENERATED)), "SUSHI wrote nothing into the project's working tree");
        assertTrue(said.stream().anyMatch(s -> s.startsWith("compiling 3 FSH files in fsh with SUSHI")), said.toString());
        assertTrue(outcome.timings().parts("convert").getOrDefault("SUSHI", 0L) > 0, "--timings shows SUSHI's share");

        String examples = "fsh/examples/patients.fsh";
        List<Finding> errors = TestProjects.errors(outcome.findings());
        assertTrue(errors.stream().noneMatch(f -> f.message().contains("GoodPatient")), TestProjects.describe(errors));
        Finding gender = errors.stream().filter(f -> f.fhirPath().contains("gender")).findFirst()
                .orElseThrow(() -> new AssertionError(TestProjects.describe(outcome.findings())));
        assertEquals(examples, gender.file());
        assertEquals(lineOf(examples, "* gender = #other"), gender.line(), gender.toLine());
        assertTrue(gender.message().contains("PatientWithoutBirthDate"), gender.message());
        Finding birthDate = errors.stream().filter(f -> f.message().contains("birthDate")).findFirst()
                .orElseThrow(() -> new AssertionError(TestProjects.describe(outcome.findings())));
        assertEquals(examples, birthDate.file());
        assertEquals(lineOf(examples, "Instance: PatientWithoutBirthDate"), birthDate.line(), birthDate.toLine());
        Finding sushiSays = errors.stream().filter(f -> f.message().startsWith("SUSHI: ")).findFirst()
                .orElseThrow(() -> new AssertionError(TestProjects.describe(outcome.findings())));
        assertEquals(birthDate.line(), sushiSays.line(), "SUSHI's own message on the instance: " + sushiSays.toLine());
        assertEquals(3, errors.size(), "only the example's errors: " + TestProjects.describe(errors));
        outcome.findings().forEach(FshBuildTest::assertReadable);
    }

    @Test
    void anUnchangedGuideIsNotCompiledAgainAndAChangedOneIs() throws Exception {
        Outcome cold = build(new ArrayList<>());
        assertEquals(1, cold.cache().of(CacheStage.FSH).misses(), cold.cache().summary());

        List<String> said = new ArrayList<>();
        Outcome warm = build(said);
        assertEquals(1, warm.cache().of(CacheStage.FSH).hits(), warm.cache().summary());
        assertEquals(0, warm.cache().of(CacheStage.FSH).misses(), warm.cache().summary());
        assertTrue(said.stream().noneMatch(s -> s.contains("SUSHI")), "SUSHI did not run: " + said);
        assertFalse(warm.timings().parts("convert").containsKey("SUSHI"));
        assertEquals(cold.findings(), warm.findings(), "the cached compilation gives the same findings");

        Path valueSets = root.resolve("fsh/profiles/valuesets.fsh");
        Files.writeString(valueSets, Files.readString(valueSets) + "* http://hl7.org/fhir/administrative-gender#other \"その他\"\n");
        Outcome changed = build(new ArrayList<>());
        assertEquals(1, changed.cache().of(CacheStage.FSH).misses(), "a changed .fsh file is compiled again");
        assertTrue(changed.findings().stream().noneMatch(f -> f.isError() && f.fhirPath().contains("gender")),
                "the widened value set now holds #other: " + TestProjects.describe(changed.findings()));
    }

    @Test
    void anFshSyntaxErrorIsAnErrorOnItsFileAndLine() throws Exception {
        String broken = "fsh/profiles/broken.fsh";
        TestProjects.write(root, broken, "Profile: BrokenPatient\nParent: Patient\nId: broken-patient\n// 閉じ括弧が余計\n* birthDate 1..1 MS )\n* gender MS\n");
        // SUSHI compiles this, but R4 forbids an extension with both a value and extensions (ext-1): the file it writes
        // cannot be read, and the error is on the FSH declaration (IPS's ImagingStudy profile is such a case).
        String bothValueAndParts = "fsh/profiles/both.fsh";
        TestProjects.write(root, bothValueAndParts, "Alias: $note = http://example.org/fhir/StructureDefinition/note\n\n"
                + "Profile: BothPatient\nParent: Patient\nId: both-patient\n* ^extension[0].url = $note\n* ^extension[0].valueString = \"値\"\n"
                + "* ^extension[0].extension[0].url = \"part\"\n* ^extension[0].extension[0].valueString = \"部分\"\n");
        Outcome outcome = build(new ArrayList<>());
        List<Finding> onBoth = TestProjects.errors(outcome.findings()).stream().filter(f -> f.file().equals(bothValueAndParts)).toList();
        assertEquals(1, onBoth.size(), TestProjects.describe(outcome.findings()));
        assertEquals(3, onBoth.get(0).line(), onBoth.get(0).toLine());
        assertTrue(onBoth.get(0).message().contains("must not have both a value and other contained extensions")
                && onBoth.get(0).message().contains("compiled by SUSHI into fsh-generated/resources/StructureDefinition-both-patient.json"),
                onBoth.get(0).message());

        List<Finding> onBroken = outcome.findings().stream().filter(f -> f.file().equals(broken)).toList();
        assertFalse(onBroken.isEmpty(), TestProjects.describe(outcome.findings()));
        Finding syntax = onBroken.get(0);
        assertTrue(syntax.isError(), syntax.toLine());
        assertEquals(5, syntax.line(), syntax.toLine());
        assertTrue(syntax.message().contains("extraneous input ')'"), syntax.message());
        assertTrue(syntax.message().startsWith("SUSHI: "), syntax.message());
        assertTrue(outcome.failed(), "an FSH syntax error fails the build");
        outcome.findings().forEach(FshBuildTest::assertReadable);
    }

    @Test
    void aCommittedFshGeneratedFolderIsStaleBesideFshSourcesAndReadWithoutThem() throws Exception {
        String stale = """
                {"resourceType": "ValueSet", "id": "stale", "url": "http://example.org/fhir/fsh/ValueSet/stale", "status": "draft",
                 "compose": {"include": [{"system": "http://hl7.org/fhir/administrative-gender"}]}}
                """;
        TestProjects.write(root, "fsh-generated/resources/ValueSet-stale.json", stale);
        FhirEngine engine = new FhirEngine();
        Project withSources = new ProjectLoader(engine).load(root);
        assertTrue(withSources.resources().stream().noneMatch(r -> r.id().equals("stale")), "stale output beside FSH sources is ignored");

        try (Stream<Path> walk = Files.walk(root.resolve("fsh"))) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
        Project withoutSources = new ProjectLoader(engine).load(root);
        assertTrue(withoutSources.resources().stream().anyMatch(r -> r.id().equals("stale") && r.file().equals("fsh-generated/resources/ValueSet-stale.json")),
                "without FSH sources, fsh-generated/ is read like profiles/");
    }

    @Test
    void withoutNodeTheProjectWithFshSaysHowToInstallIt() throws Exception {
        FhirEngine engine = new FhirEngine();
        Project project = new ProjectLoader(engine).load(root);
        NodeTools noNode = new NodeTools(dir.resolve("node-cache"), getClass().getClassLoader(), "/nonexistent/node", "/nonexistent/npm");
        Converter converter = new Converter(engine, () -> {
            throw new AssertionError("no documents");
        }, jp.nexehrs.cache.BuildCache.disabled(), 1, noNode, message -> { });

        NodeUnavailableException e = assertThrows(NodeUnavailableException.class, () -> converter.convert(project, false));
        assertEquals(NexehrsException.Kind.USAGE_OR_ENVIRONMENT, e.kind());
        assertTrue(e.getMessage().contains("FSH sources (fsh/)") && e.getMessage().contains("apt-get install nodejs npm"), e.getMessage());

        Project minimal = new ProjectLoader(engine).load(TestProjects.copyMinimal(dir.resolve("minimal")));
        assertFalse(converter.convert(minimal, false).conformance().isEmpty(), "a project without FSH never needs Node");
    }

    private Outcome build(List<String> said) throws NexehrsException {
        try (Toolkit toolkit = TestToolkits.of(2, EPOCH, new Toolkit.Caching(true, "test"))) {
            return new Pipeline(toolkit, said::add).run(root, Goal.BUILD);
        }
    }

    private int lineOf(String file, String text) throws Exception {
        List<String> lines = Files.readAllLines(root.resolve(file));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).strip().equals(text)) return i + 1;
        throw new AssertionError(text + " is not in " + file);
    }

    /** No message shows a Java class name, null or an exception's text. */
    static void assertReadable(Finding finding) {
        String line = finding.toLine();
        assertFalse(line.matches(".*\\b(java|jp\\.nexehrs|org\\.hl7|ca\\.uhn)\\.[a-z]+\\..*") || line.contains("null")
                || line.contains("Exception"), line);
    }
}
