package jp.nexehrs.check;

import jp.nexehrs.convert.Converted;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static jp.nexehrs.testing.TestProjects.errors;
import static jp.nexehrs.testing.TestProjects.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check stage with the real FHIR validator. The validator is slow to start, so one project holds one file
 * for each case and is checked once; each test looks at the findings on its own file.
 */
class CheckerTest {
    @TempDir
    static Path dir;
    private static Checked checked;

    private static final String EXAMPLES = "profiles/examples/";
    private static final String INVALID = "profiles/invalid/";

    @BeforeAll
    static void checkOnce() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.write(root, EXAMPLES + "Patient-broken.json", TestProjects.brokenPatient("broken"));
        TestProjects.write(root, EXAMPLES + "Observation-loinc.json", """
                {
                  "resourceType": "Observation",
                  "id": "loinc",
                  "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>血糖</p></div>"},
                  "status": "final",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0", "display": "Glucose [Mass/volume] in Blood"}]},
                  "valueString": "正常"
                }
                """);
        TestProjects.write(root, INVALID + "Patient-wrong-expectation.json", TestProjects.brokenPatient("wrong-expectation"));
        TestProjects.write(root, INVALID + "Patient-unlisted.json", TestProjects.brokenPatient("unlisted"));
        TestProjects.write(root, INVALID + "manifest.yaml", TestProjects.read(root.resolve(INVALID + "manifest.yaml")) + """
                - file: Patient-wrong-expectation.json
                  reason: 期待が違う
                  expect:
                    message: "this message is never produced"
                - file: Patient-gone.json
                  reason: ファイルがない
                  expect:
                    message: "minimum required = 1"
                """);
        TestProjects.write(root, EXAMPLES + "Patient-typo-profile.json", TestProjects.read(root.resolve(EXAMPLES + "Patient-hanako.json"))
                .replace("\"id\": \"hanako\"", "\"id\": \"typo-profile\"").replace("minimal-patient", "minimal-patiant"));
        // the same id as Patient-hanako.json
        TestProjects.write(root, EXAMPLES + "Patient-hanako-again.json",
                TestProjects.read(root.resolve(EXAMPLES + "Patient-hanako.json")));
        // the same canonical URL as ValueSet-minimal-marital-status.json, under another id
        TestProjects.write(root, "profiles/valuesets/ValueSet-same-url.json",
                TestProjects.read(root.resolve("profiles/valuesets/ValueSet-minimal-marital-status.json"))
                        .replace("\"id\": \"minimal-marital-status\"", "\"id\": \"same-url\""));
        TestProjects.write(root, "profiles/codesystems/CodeSystem-elsewhere.json", """
                {
                  "resourceType": "CodeSystem",
                  "id": "elsewhere",
                  "url": "http://elsewhere.example.com/fhir/CodeSystem/elsewhere",
                  "name": "Elsewhere",
                  "status": "draft",
                  "content": "complete",
                  "concept": [{"code": "a", "display": "A"}]
                }
                """);

        TestProjects.write(root, "profiles/codesystems/CodeSystem-mhlw-table.json", """
                {
                  "resourceType": "CodeSystem",
                  "id": "mhlw-table",
                  "url": "urn:oid:1.2.392.100495.20.2.62",
                  "name": "MhlwTable",
                  "status": "draft",
                  "content": "complete",
                  "concept": [{"code": "1", "display": "被保険者"}]
                }
                """);

        Converted converted = TestProjects.convertResources(root);
        checked = new Checker(2).check(converted);
    }

    @Test
    void theValidExampleHasNoErrors() {
        assertTrue(errors(on(checked.findings(), EXAMPLES + "Patient-hanako.json")).stream()
                .noneMatch(f -> !f.message().contains("duplicate")), describe(checked.findings()));
        ExampleValidation hanako = checked.examples().stream()
                .filter(e -> e.source().file().equals(EXAMPLES + "Patient-hanako.json")).findFirst().orElseThrow();
        assertEquals(0, hanako.errorCount(), describe(hanako.findings()));
    }

    @Test
    void anExampleBreakingItsProfileIsAnErrorWithLineAndPath() {
        List<Finding> errors = errors(on(checked.findings(), EXAMPLES + "Patient-broken.json"));

        assertFalse(errors.isEmpty(), describe(checked.findings()));
        Finding missing = errors.stream().filter(f -> f.message().contains("minimum required = 1")).findFirst()
                .orElseThrow(() -> new AssertionError(describe(errors)));
        assertTrue(missing.line() > 0, missing.toLine());
        assertTrue(missing.fhirPath().startsWith("Patient"), missing.toLine());
        assertTrue(missing.message().contains("identifier"), missing.toLine());
    }

    @Test
    void aLoincCodeIsAWarningNotCheckedOfflineAndNoError() {
        List<Finding> findings = on(checked.findings(), EXAMPLES + "Observation-loinc.json");

        assertTrue(errors(findings).isEmpty(), describe(findings));
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.WARNING
                && f.message().startsWith("not checked offline") && f.message().contains("loinc")), describe(findings));
    }

    @Test
    void anInvalidExampleFailingAsDeclaredIsFine() {
        assertTrue(on(checked.findings(), INVALID + "Patient-no-identifier.json").isEmpty(), describe(checked.findings()));
        assertTrue(checked.examples().stream().noneMatch(e -> e.source().file().startsWith(INVALID)),
                "invalid examples are not published as examples");
    }

    @Test
    void anInvalidExampleFailingOtherwiseIsAnError() {
        List<Finding> errors = errors(on(checked.findings(), INVALID + "Patient-wrong-expectation.json"));

        assertEquals(1, errors.size(), describe(checked.findings()));
        assertTrue(errors.get(0).message().contains("this message is never produced"), errors.get(0).toLine());
        assertTrue(errors.get(0).message().contains("minimum required = 1"), "names what the validator said: " + errors.get(0).toLine());
    }

    @Test
    void anInvalidExampleWithoutManifestEntryIsAnError() {
        List<Finding> errors = errors(on(checked.findings(), INVALID + "Patient-unlisted.json"));

        assertEquals(1, errors.size(), describe(checked.findings()));
        assertTrue(errors.get(0).message().contains("no entry in profiles/invalid/manifest.yaml"), errors.get(0).toLine());
    }

    @Test
    void aManifestEntryWithoutFileIsAnError() {
        List<Finding> errors = errors(on(checked.findings(), INVALID + "manifest.yaml"));

        assertEquals(1, errors.size(), describe(checked.findings()));
        assertTrue(errors.get(0).message().contains("Patient-gone.json"), errors.get(0).toLine());
    }

    @Test
    void duplicateIdsAreErrors() {
        List<Finding> duplicates = checked.findings().stream().filter(Finding::isError)
                .filter(f -> f.message().contains("duplicate Patient id 'hanako'")).toList();

        assertEquals(1, duplicates.size(), describe(checked.findings()));
        assertTrue(duplicates.get(0).file().startsWith(EXAMPLES + "Patient-hanako"), duplicates.get(0).toLine());
        assertTrue(duplicates.get(0).line() > 0, duplicates.get(0).toLine());
    }

    @Test
    void duplicateCanonicalUrlsAreErrors() {
        List<Finding> duplicates = checked.findings().stream().filter(Finding::isError)
                .filter(f -> f.message().contains("duplicate canonical URL 'http://example.org/fhir/ValueSet/minimal-marital-status'")).toList();

        assertEquals(1, duplicates.size(), describe(checked.findings()));
        assertTrue(duplicates.get(0).file().startsWith("profiles/valuesets/"), duplicates.get(0).toLine());
    }

    @Test
    void aCanonicalUrlOutsideTheBaseIsOneWarningForThatBase() {
        // Real guides keep resources under several bases: said once per base, not an error.
        List<Finding> findings = on(checked.findings(), "profiles/codesystems/CodeSystem-elsewhere.json");

        assertEquals(1, findings.size(), describe(checked.findings()));
        assertEquals(jp.nexehrs.report.Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().startsWith("1 resource under http://elsewhere.example.com/fhir, outside the project's canonical base"
                + " http://example.org/fhir"), findings.get(0).toLine());
        assertEquals(4, findings.get(0).line(), "the line of the url");
    }

    @Test
    void anExampleClaimingAProfileThatDoesNotExistIsAnErrorOnTheProfileLine() {
        List<Finding> errors = errors(on(checked.findings(), EXAMPLES + "Patient-typo-profile.json"));

        assertEquals(1, errors.size(), describe(checked.findings()));
        assertEquals("example-profile-unknown", errors.get(0).messageId(), errors.get(0).toLine());
        assertTrue(errors.get(0).message().contains("'http://example.org/fhir/StructureDefinition/minimal-patiant'"), errors.get(0).toLine());
        assertEquals(4, errors.get(0).line(), errors.get(0).toLine());
    }

    @Test
    void aCodeSystemIdentifiedByAnOidNeedNotSitUnderTheBase() {
        assertTrue(on(checked.findings(), "profiles/codesystems/CodeSystem-mhlw-table.json").isEmpty(), describe(checked.findings()));
    }

    @Test
    void findingsAreInFileOrder() {
        List<Finding> sorted = checked.findings().stream().sorted(Finding.ORDER).toList();
        assertEquals(sorted, checked.findings());
        assertTrue(checked.hasErrors());
    }
}
