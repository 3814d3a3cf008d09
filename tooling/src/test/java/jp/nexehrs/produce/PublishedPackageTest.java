package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package as implementers download it: the ImplementationGuide, package.json, the index fields, the validation
 * summary, and the narrative and publisher details on the project's own conformance resources, from nexehrs.yaml; and a
 * draft's version. The fixture is the minimal project with the new nexehrs.yaml keys, a code system whose author wrote
 * its own copyright and a description meant to break markup, and a copy of another publisher's code system.
 */
class PublishedPackageTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSTILE = "<script>alert(1)</script> & \\\"引用\\\" \\u0007 <b>太字</b>";

    @TempDir
    static Path dir;
    private static Map<String, byte[]> entries;
    private static Map<String, byte[]> draftEntries;
    private static Path draftRoot;
    private static Outcome outcome;

    @BeforeAll
    static void build() throws Exception {
        Path root = fixture(dir.resolve("release"));
        draftRoot = fixture(dir.resolve("draft"));
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
            assertFalse(outcome.failed(), describe(outcome.findings()));
            entries = untar(Files.readAllBytes(root.resolve("build/package/example.minimal-1.0.0.tgz")));
            Outcome draft = new Pipeline(toolkit, Progress.SILENT).asDraft().run(draftRoot, Goal.PACKAGE);
            assertFalse(draft.failed(), describe(draft.findings()));
        }
        draftEntries = untar(Files.readAllBytes(draftRoot.resolve("build/package/example.minimal-1.0.0-cibuild.tgz")));
    }

    private static Path fixture(Path target) {
        Path root = TestProjects.copyMinimal(target);
        try {
            Files.writeString(root.resolve("nexehrs.yaml"), Files.readString(root.resolve("nexehrs.yaml")) + """
                    language: ja
                    jurisdiction: JP
                    experimental: true
                    copyright: "© 2026 テスト出版者 <無断転載禁止>"
                    contact:
                      - name: テスト WG
                        email: wg@example.org
                        url: https://example.org/wg
                    """);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        TestProjects.write(root, "profiles/codesystems/CodeSystem-authored.json", """
                {"resourceType": "CodeSystem", "id": "authored", "url": "http://example.org/fhir/CodeSystem/authored",
                 "name": "Authored", "status": "draft", "content": "complete", "copyright": "作者自身の著作権表示",
                 "language": "en", "description": "%s",
                 "concept": [{"code": "a", "display": "エー"}, {"code": "b", "display": "<ビー>", "concept": [{"code": "b1"}]}]}
                """.formatted(HOSTILE));
        TestProjects.write(root, "profiles/codesystems/CodeSystem-foreign.json", """
                {"resourceType": "CodeSystem", "id": "foreign", "url": "http://other.example.com/fhir/CodeSystem/foreign",
                 "name": "Foreign", "title": "他団体のコード", "status": "active", "content": "fragment",
                 "concept": [{"code": "x", "display": "エックス"}]}
                """);
        return root;
    }

    private static Map<String, byte[]> untar(byte[] tgz) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) files.put(entry.getName(), tar.readAllBytes());
        }
        return files;
    }

    private static JsonNode json(Map<String, byte[]> files, String entry) throws IOException {
        assertTrue(files.containsKey(entry), "no " + entry + " in " + files.keySet());
        return JSON.readTree(files.get(entry));
    }

    @Test
    void packageJsonHasEveryFieldTheIgPublisherWrites() throws Exception {
        JsonNode pkg = json(entries, "package/package.json");
        assertEquals("example.minimal", pkg.get("name").asText());
        assertEquals("1.0.0", pkg.get("version").asText());
        assertEquals(3, pkg.get("tools-version").asInt());
        assertEquals("fhir.ig", pkg.get("type").asText());
        assertEquals("20000101000000", pkg.get("date").asText(), "the build's time stamp, so the same input gives the same bytes");
        assertEquals("CC0-1.0", pkg.get("license").asText());
        assertEquals("http://example.org/fhir", pkg.get("canonical").asText());
        assertEquals("http://example.org/fhir", pkg.get("url").asText());
        assertEquals("最小の仕様", pkg.get("title").asText());
        assertEquals("A minimal specification", pkg.get("description").asText(), "the English title when there is no description");
        assertEquals("urn:iso:std:iso:3166#JP", pkg.get("jurisdiction").asText());
        assertEquals("4.0.1", pkg.get("fhirVersions").get(0).asText());
        assertEquals("4.0.1", pkg.get("dependencies").get("hl7.fhir.r4.core").asText());
        JsonNode maintainer = pkg.get("maintainers").get(0);
        assertEquals("テスト WG", maintainer.get("name").asText());
        assertEquals("wg@example.org", maintainer.get("email").asText());
        assertEquals("https://example.org/wg", maintainer.get("url").asText());
        assertEquals("package", pkg.get("directories").get("lib").asText());
        assertEquals("example", pkg.get("directories").get("example").asText());
    }

    @Test
    void theIndexHasTheSpecsFieldsForEachKindOfResource() throws Exception {
        Map<String, JsonNode> byFile = new LinkedHashMap<>();
        JsonNode index = json(entries, "package/.index.json");
        assertEquals(2, index.get("index-version").asInt());
        index.get("files").forEach(f -> byFile.put(f.get("filename").asText(), f));
        JsonNode codeSystem = byFile.get("CodeSystem-minimal-marital.json");
        assertEquals("complete", codeSystem.get("content").asText());
        assertEquals("1.0.0", codeSystem.get("version").asText());
        assertEquals("fragment", byFile.get("CodeSystem-foreign.json").get("content").asText());
        JsonNode profile = byFile.get("StructureDefinition-minimal-patient.json");
        assertEquals("resource", profile.get("kind").asText());
        assertEquals("Patient", profile.get("type").asText());
        assertEquals("constraint", profile.get("derivation").asText());
        assertFalse(byFile.get("ValueSet-minimal-marital-status.json").has("content"), "a value set has no content");
        JsonNode guide = byFile.get("ImplementationGuide-example.minimal.json");
        assertEquals("http://example.org/fhir/ImplementationGuide/example.minimal", guide.get("url").asText());
        assertEquals("1.0.0", guide.get("version").asText());
    }

    @Test
    void theImplementationGuideListsEveryResourceAndPageAndIsValidR4() throws Exception {
        JsonNode guide = json(entries, "package/ImplementationGuide-example.minimal.json");
        assertEquals("example.minimal", guide.get("packageId").asText());
        assertEquals("ExampleMinimal", guide.get("name").asText());
        assertEquals("CC0-1.0", guide.get("license").asText());
        assertEquals("4.0.1", guide.get("fhirVersion").get(0).asText());
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        guide.get("definition").get("resource").forEach(r -> resources.put(r.get("reference").get("reference").asText(), r));
        assertEquals(List.of("CodeSystem/authored", "CodeSystem/foreign", "CodeSystem/minimal-marital", "StructureDefinition/minimal-patient",
                "ValueSet/minimal-marital-status", "Patient/hanako"), List.copyOf(resources.keySet()));
        JsonNode profile = resources.get("StructureDefinition/minimal-patient");
        assertEquals("最小の患者", profile.get("name").asText());
        assertEquals("識別子と氏名が必須の患者", profile.get("description").asText());
        assertFalse(profile.get("exampleBoolean").asBoolean());
        assertEquals("http://example.org/fhir/StructureDefinition/minimal-patient",
                resources.get("Patient/hanako").get("exampleCanonical").asText(), "the profile the example claims");
        JsonNode home = guide.get("definition").get("page");
        assertEquals("index.html", home.get("nameUrl").asText());
        assertEquals("01-intro.html", home.get("page").get(0).get("nameUrl").asText());
        assertEquals("はじめに", home.get("page").get(0).get("title").asText(), "the AsciiDoc title");
        assertEquals("generated", guide.get("text").get("status").asText());

        String file = "package/ImplementationGuide-example.minimal.json";
        assertEquals(List.of(), errorsOf(file));
        String withoutStatus = new String(entries.get(file), StandardCharsets.UTF_8).replace("\"status\": \"draft\",", "");
        assertFalse(errorsOf(file, withoutStatus).isEmpty(), "the validator does see an ImplementationGuide's errors");
    }

    @Test
    void conformanceResourcesHaveAGeneratedJapaneseNarrativeTheValidatorAccepts() throws Exception {
        String profile = json(entries, "package/StructureDefinition-minimal-patient.json").get("text").get("div").asText();
        assertTrue(profile.contains("最小の患者") && profile.contains("識別子と氏名が必須の患者"), profile);
        assertTrue(profile.contains("<td>Patient.identifier</td><td>1..</td>"), "the differential's elements: " + profile);
        assertTrue(profile.contains("差分で制約する要素") && profile.contains("lang=\"ja\""), profile);
        assertTrue(profile.contains("<td>Patient.maritalStatus</td><td/><td/><td>バインディング required "
                + "http://example.org/fhir/ValueSet/minimal-marital-status</td>"), "a binding when there is no short: " + profile);
        assertFalse(profile.contains("<td>Patient</td>"), "the root changes nothing to list: " + profile);
        String valueSet = json(entries, "package/ValueSet-minimal-marital-status.json").get("text").get("div").asText();
        assertTrue(valueSet.contains("http://example.org/fhir/CodeSystem/minimal-marital のすべてのコード"), valueSet);
        String codeSystem = json(entries, "package/CodeSystem-minimal-marital.json").get("text").get("div").asText();
        assertTrue(codeSystem.contains("<td>married</td><td>既婚</td>"), codeSystem);

        String hostile = json(entries, "package/CodeSystem-authored.json").get("text").get("div").asText();
        assertFalse(hostile.contains("<script") || hostile.contains("<b>太字") || hostile.contains("\u0007"), hostile);
        assertTrue(hostile.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;") && hostile.contains("&lt;ビー&gt;"), hostile);
        assertTrue(hostile.contains("\u00a0\u00a0b1"), "a child concept indented under its parent: " + hostile);

        for (String file : List.of("StructureDefinition-minimal-patient.json", "ValueSet-minimal-marital-status.json",
                "CodeSystem-minimal-marital.json", "CodeSystem-authored.json", "CodeSystem-foreign.json")) {
            assertEquals(List.of(), errorsOf("package/" + file), file);
        }
    }

    @Test
    void publisherDetailsGoOnOwnResourcesOnlyAndNeverReplaceTheAuthors() throws Exception {
        JsonNode own = json(entries, "package/ValueSet-minimal-marital-status.json");
        assertEquals("ja", own.get("language").asText());
        assertEquals("urn:iso:std:iso:3166", own.get("jurisdiction").get(0).get("coding").get(0).get("system").asText());
        assertEquals("JP", own.get("jurisdiction").get(0).get("coding").get(0).get("code").asText());
        assertEquals("テスト WG", own.get("contact").get(0).get("name").asText());
        assertEquals("wg@example.org", own.get("contact").get(0).get("telecom").get(0).get("value").asText());
        assertEquals("© 2026 テスト出版者 <無断転載禁止>", own.get("copyright").asText());
        assertTrue(own.get("experimental").asBoolean());

        JsonNode codeSystem = json(entries, "package/CodeSystem-minimal-marital.json");
        assertFalse(codeSystem.has("language"), "a code system's language would be its displays' language to the HL7 validator");
        assertEquals("JP", codeSystem.get("jurisdiction").get(0).get("coding").get(0).get("code").asText());

        JsonNode authored = json(entries, "package/CodeSystem-authored.json");
        assertEquals("作者自身の著作権表示", authored.get("copyright").asText(), "the author's copyright stays");
        assertEquals("en", authored.get("language").asText(), "the author's language stays");

        JsonNode foreign = json(entries, "package/CodeSystem-foreign.json");
        for (String field : List.of("language", "jurisdiction", "contact", "copyright", "experimental")) {
            assertFalse(foreign.has(field), "another publisher's code system gets no " + field + " of ours");
        }
        assertTrue(foreign.get("text").get("div").asText().contains("エックス"), "but it is described");

        JsonNode example = json(entries, "package/example/Patient-hanako.json");
        assertEquals("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>山田 花子</p></div>", example.get("text").get("div").asText(),
                "an example's own narrative is left as written");
        assertFalse(example.has("jurisdiction") || example.has("language"));
    }

    @Test
    void theValidationSummarySaysWhatEachExampleWasCheckedAgainst() throws Exception {
        JsonNode summary = json(entries, "package/other/validation-summary.json");
        assertEquals("example.minimal#1.0.0", summary.get("package").asText());
        assertEquals(0, summary.get("errors").asInt());
        assertEquals(outcome.findings().stream().filter(f -> f.severity() == jp.nexehrs.report.Severity.WARNING).count(),
                summary.get("warnings").asLong());
        JsonNode example = summary.get("examples").get(0);
        assertEquals("example/Patient-hanako.json", example.get("filename").asText());
        assertEquals("http://example.org/fhir/StructureDefinition/minimal-patient", example.get("checkedAgainst").get(0).asText());
        assertEquals(0, example.get("errors").asInt());
        assertEquals(outcome.findings().stream().filter(f -> f.file().equals("profiles/examples/Patient-hanako.json")
                && f.severity() == jp.nexehrs.report.Severity.WARNING).count(), example.get("warnings").asLong(), "as the totals count");
    }

    @Test
    void aDraftCarriesTheDraftLabelEverywhereTheVersionIs() throws Exception {
        assertTrue(Files.isRegularFile(draftRoot.resolve("build/package/example.minimal-1.0.0-cibuild.tgz")));
        assertFalse(Files.exists(draftRoot.resolve("build/package/example.minimal-1.0.0.tgz")), "no package under the release's name");
        assertEquals("1.0.0-cibuild", json(draftEntries, "package/package.json").get("version").asText());
        assertEquals("1.0.0-cibuild", json(draftEntries, "package/StructureDefinition-minimal-patient.json").get("version").asText());
        assertEquals("1.0.0-cibuild", json(draftEntries, "package/ImplementationGuide-example.minimal.json").get("version").asText());
        assertEquals("example.minimal#1.0.0-cibuild", json(draftEntries, "package/other/validation-summary.json").get("package").asText());
        for (JsonNode file : json(draftEntries, "package/.index.json").get("files")) {
            if (file.get("url").asText().startsWith("http://example.org/")) assertEquals("1.0.0-cibuild", file.get("version").asText());
        }
    }

    @Test
    void aPreReleaseDraftKeepsItsLabelAndAddsTheDraftsAfterIt() {
        ProjectConfig ballot = new ProjectConfig("a.b", "http://x.org", "1.3.0-ballot1", "4.0.1", new ProjectConfig.Title("仕様", "Spec"), "draft",
                "出版者", "CC0-1.0", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals("1.3.0-ballot1.cibuild", ballot.asDraft().version());
        assertEquals("a.b-1.3.0-ballot1.cibuild.tgz", ballot.asDraft().packageFileName());
        assertEquals("1.3.0-ballot1", ballot.version(), "the configuration as written is unchanged");
    }

    /** Our validator (the check stage's), on a file of the package, against base R4 and what the file claims. */
    private static List<String> errorsOf(String entry) {
        return errorsOf(entry, new String(entries.get(entry), StandardCharsets.UTF_8));
    }

    private static List<String> errorsOf(String entry, String text) {
        IBaseResource resource = outcome.checked().converted().support().engine().jsonParser().parseResource(text);
        FhirSource source = new FhirSource(entry, FhirSource.Role.EXAMPLE, ResourceFormat.JSON, text, resource, resource.fhirType(),
                resource.getIdElement().getIdPart(), "", List.of());
        List<String> errors = new ArrayList<>();
        for (Finding finding : new InstanceValidator(outcome.checked().converted().support()).validate(source)) {
            if (finding.isError()) errors.add(finding.toLine());
        }
        return errors;
    }
}
