package jp.nexehrs.load;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load stage on the minimal fixture and on the ways its input can be broken. */
class ProjectLoaderTest {
    private static FhirEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = new FhirEngine();
    }

    private Project load(Path root) throws SourceException {
        return new ProjectLoader(engine).load(root);
    }

    @Test
    void loadingOnSeveralThreadsReadsTheSameResourcesAndFindingsInTheSameOrder() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        for (int i = 0; i < 12; i++) {
            TestProjects.write(root, "profiles/examples/Patient-p" + i + ".json",
                    "{\"resourceType\": \"Patient\", \"id\": \"p" + i + "\", \"name\": [{\"text\": \"患者" + i + "\"}]}");
        }
        TestProjects.write(root, "profiles/examples/Patient-broken.json", "{ \"resourceType\": ");
        TestProjects.write(root, "profiles/examples/Patient-noid.json", "{\"resourceType\": \"Patient\"}");

        Project one = new ProjectLoader(engine, List.of(), java.util.Optional.empty(), PagePaths.DEFAULT, false, 1).load(root);
        Project four = new ProjectLoader(engine, List.of(), java.util.Optional.empty(), PagePaths.DEFAULT, false, 4).load(root);

        assertEquals(one.resources().stream().map(FhirSource::file).toList(), four.resources().stream().map(FhirSource::file).toList());
        assertEquals(one.findings(), four.findings());
        assertEquals(2, one.findings().stream().filter(f -> f.file().contains("Patient-broken") || f.file().contains("Patient-noid")).count(),
                describe(one.findings()));
        assertTrue(four.resources().stream().anyMatch(r -> r.file().endsWith("Patient-p11.json")));
    }

    @Test
    void loadsTheFixtureDocumentsResourcesAndManifest() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "spec/guides/02-deep.adoc", "= 深い\n\n本文\n");
        TestProjects.write(root, "spec/_fragment.adoc", "断片\n");

        Project project = load(root);

        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        assertEquals("example.minimal", project.config().id());
        assertEquals("1.0.0", project.config().version());
        Map<String, String> pages = project.documents().stream()
                .collect(Collectors.toMap(DocumentSource::file, DocumentSource::pagePath));
        assertEquals(Map.of("spec/01-intro.adoc", "01-intro.html", "spec/guides/02-deep.adoc", "guides/02-deep.html"), pages,
                "documents with page paths; _fragment.adoc is not a page");
        assertTrue(project.documents().get(0).text().startsWith("= はじめに"));

        Map<String, FhirSource.Role> roles = project.resources().stream()
                .collect(Collectors.toMap(FhirSource::file, FhirSource::role));
        assertEquals(Map.of(
                "profiles/structuredefinitions/StructureDefinition-minimal-patient.json", FhirSource.Role.CONFORMANCE,
                "profiles/valuesets/ValueSet-minimal-marital-status.json", FhirSource.Role.CONFORMANCE,
                "profiles/codesystems/CodeSystem-minimal-marital.json", FhirSource.Role.CONFORMANCE,
                "profiles/examples/Patient-hanako.json", FhirSource.Role.EXAMPLE,
                "profiles/invalid/Patient-no-identifier.json", FhirSource.Role.INVALID_EXAMPLE), roles);

        FhirSource profile = project.resources(FhirSource.Role.CONFORMANCE).stream()
                .filter(r -> r.resourceType().equals("StructureDefinition")).findFirst().orElseThrow();
        assertEquals("minimal-patient", profile.id());
        assertEquals("http://example.org/fhir/StructureDefinition/minimal-patient", profile.url());
        assertEquals("StructureDefinition-minimal-patient", profile.key());
        FhirSource example = project.resources(FhirSource.Role.EXAMPLE).get(0);
        assertEquals(List.of("http://example.org/fhir/StructureDefinition/minimal-patient"), example.claimedProfiles());

        assertEquals(1, project.invalidExpectations().size());
        InvalidExampleExpectation expectation = project.invalidExpectations().get(0);
        assertEquals("Patient-no-identifier.json", expectation.file());
        assertEquals("識別子は必須", expectation.reason());
        assertEquals("minimum required = 1", expectation.expect().message());
        assertEquals("Patient", expectation.expect().path());
    }

    @Test
    void malformedJsonIsAFindingWithFileLineAndColumnAndTheOthersStillLoad() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "profiles/examples/Patient-comma.json", """
                {
                  "resourceType": "Patient",
                  "id": "comma"
                  "active": true
                }
                """);

        Project project = load(root);

        List<Finding> findings = TestProjects.on(project.findings(), "profiles/examples/Patient-comma.json");
        assertEquals(1, findings.size(), describe(project.findings()));
        Finding finding = findings.get(0);
        assertTrue(finding.isError());
        assertEquals(4, finding.line(), finding.toLine());
        assertTrue(finding.column() >= 3 && finding.column() <= 4, finding.toLine());
        assertTrue(finding.message().startsWith("malformed JSON"), finding.toLine());
        assertTrue(finding.toLine().startsWith("profiles/examples/Patient-comma.json:4:"), finding.toLine());
        assertEquals(5, project.resources().size(), "the other files still load");
    }

    @Test
    void unknownKeyInConfigNamesTheFileAndKey() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        String config = TestProjects.read(root.resolve("nexehrs.yaml"));
        TestProjects.write(root, "nexehrs.yaml", config.replace("status: draft\n", "status: draft\ncolour: red\n"));

        SourceException e = assertThrows(SourceException.class, () -> load(root));

        assertEquals("nexehrs.yaml", e.file());
        assertTrue(e.getMessage().contains("unknown key 'colour'"), e.getMessage());
        assertTrue(e.line() > 0, e.toFinding().toLine());
    }

    @Test
    void unknownKeyInConfigNamesItsLine() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        String config = TestProjects.read(root.resolve("nexehrs.yaml"));
        TestProjects.write(root, "nexehrs.yaml", config.replace("status: draft\n", "status: draft\ncolour: red\n"));
        int line = config.lines().toList().indexOf("status: draft") + 2;

        SourceException e = assertThrows(SourceException.class, () -> load(root));

        assertEquals("nexehrs.yaml", e.file());
        assertEquals(line, e.line(), e.toFinding().toLine());
    }

    @Test
    void wrongFhirVersionInConfigNamesTheFile() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        String config = TestProjects.read(root.resolve("nexehrs.yaml"));
        TestProjects.write(root, "nexehrs.yaml", config.replace("fhirVersion: 4.0.1", "fhirVersion: 5.0.0"));

        SourceException e = assertThrows(SourceException.class, () -> load(root));

        assertEquals("nexehrs.yaml", e.file());
        assertTrue(e.getMessage().contains("fhirVersion") && e.getMessage().contains("5.0.0"), e.getMessage());
    }

    @Test
    void locateFindsTheRootFromASubfolder() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        Path deep = Files.createDirectories(root.resolve("spec/a/b"));

        assertEquals(root.toAbsolutePath().normalize(), ProjectLoader.locate(deep));
        assertEquals(root.toAbsolutePath().normalize(), ProjectLoader.locate(root));
    }

    @Test
    void locateWithoutProjectThrows() throws Exception {
        Path nowhere = Files.createDirectories(dir.resolve("no/project/here"));
        // the test is meaningless if some folder above the temporary folder happens to be a project
        org.junit.jupiter.api.Assumptions.assumeFalse(hasConfigAbove(dir), "a nexehrs.yaml exists above " + dir);

        ProjectNotFoundException e = assertThrows(ProjectNotFoundException.class, () -> ProjectLoader.locate(nowhere));
        assertTrue(e.getMessage().contains("nexehrs.yaml"), e.getMessage());
    }

    private static boolean hasConfigAbove(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("nexehrs.yaml"))) return true;
        }
        return false;
    }

    @Test
    void invalidUtf8IsAFindingOnTheFile() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.writeBytes("{\n  \"resourceType\": \"Patient\",\n  \"id\": \"latin\",\n  \"name\": [{\"family\": \"".getBytes(StandardCharsets.UTF_8));
        json.writeBytes(new byte[]{(byte) 0xC3, (byte) 0x28}); // not UTF-8
        json.writeBytes("\"}]\n}\n".getBytes(StandardCharsets.UTF_8));
        TestProjects.writeBytes(root, "profiles/examples/Patient-latin.json", json.toByteArray());
        TestProjects.writeBytes(root, "spec/02-latin.adoc", new byte[]{'=', ' ', (byte) 0xE9, 't', 'e', '\n'});

        Project project = load(root);

        List<Finding> onJson = TestProjects.on(project.findings(), "profiles/examples/Patient-latin.json");
        assertEquals(1, onJson.size(), describe(project.findings()));
        assertTrue(onJson.get(0).isError());
        assertTrue(onJson.get(0).message().contains("UTF-8"), onJson.get(0).toLine());
        assertEquals(4, onJson.get(0).line(), onJson.get(0).toLine());
        List<Finding> onAdoc = TestProjects.on(project.findings(), "spec/02-latin.adoc");
        assertEquals(1, onAdoc.size(), describe(project.findings()));
        assertTrue(onAdoc.get(0).isError() && onAdoc.get(0).message().contains("UTF-8"), onAdoc.get(0).toLine());
        assertTrue(project.documents().stream().noneMatch(d -> d.file().equals("spec/02-latin.adoc")));
    }

    @Test
    void aLeadingByteOrderMarkIsAccepted() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path example = root.resolve("profiles/examples/Patient-hanako.json");
        TestProjects.writeBytes(root, "profiles/examples/Patient-hanako.json", concat(bom, Files.readAllBytes(example)));
        Path doc = root.resolve("spec/01-intro.adoc");
        TestProjects.writeBytes(root, "spec/01-intro.adoc", concat(bom, Files.readAllBytes(doc)));

        Project project = load(root);

        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        FhirSource hanako = project.resources(FhirSource.Role.EXAMPLE).get(0);
        assertEquals("hanako", hanako.id());
        assertFalse(hanako.text().startsWith("\uFEFF"));
        DocumentSource intro = project.documents().get(0);
        assertTrue(intro.text().startsWith("= はじめに"), "the BOM is dropped from the document text");
        assertNotNull(project.template());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
