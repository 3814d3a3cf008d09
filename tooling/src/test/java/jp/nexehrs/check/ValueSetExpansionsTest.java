package jp.nexehrs.check;

import jp.nexehrs.convert.Converted;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static jp.nexehrs.testing.TestProjects.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Value sets expanded offline with HAPI's real in-memory terminology, each fixture with one mistake HAPI's
 * expander would silently drop, and the good cases: a filter on a local hierarchy, a nested value set, and a
 * LOINC value set that is "not expandable offline" without being a finding.
 */
class ValueSetExpansionsTest {
    @TempDir
    static Path dir;
    private static Path root;
    private static ValueSetExpansions.Result result;
    private static final String VS = "profiles/valuesets/";
    private static final String BASE = "http://example.org/fhir/";

    @BeforeAll
    static void expandOnce() throws Exception {
        root = TestProjects.copyMinimal(dir.resolve("project"));
        write("CodeSystem", "body-site", """
                "content": "complete", "property": [{"code": "laterality", "type": "code"}],
                "concept": [{"code": "limb", "display": "四肢", "concept": [
                  {"code": "arm", "display": "腕", "concept": [{"code": "hand", "display": "手"}]},
                  {"code": "leg", "display": "脚"}]}]""");
        write("ValueSet", "upper-limb", """
                "compose": {"include": [{"system": "%sCodeSystem/body-site", "filter": [{"property": "concept", "op": "is-a", "value": "arm"}]}]}"""
                .formatted(BASE));
        write("ValueSet", "nested", """
                "compose": {"include": [{"valueSet": ["%sValueSet/upper-limb"]}, {"system": "%sCodeSystem/minimal-marital", "concept": [{"code": "single"}]}]}"""
                .formatted(BASE, BASE));
        write("ValueSet", "loinc", """
                "compose": {"include": [{"system": "http://loinc.org", "filter": [{"property": "CLASS", "op": "=", "value": "CHEM"}]}]}""");
        // SNOMED CT: the R4 definitions name it (content not-present), so its filters cannot be applied offline.
        write("ValueSet", "snomed", """
                "compose": {"include": [{"system": "http://snomed.info/sct", "filter": [{"property": "concept", "op": "is-a", "value": "418038007"}]}]}""");
        write("ValueSet", "unknown-code", """
                "compose": {"include": [{"system": "%sCodeSystem/minimal-marital", "concept": [{"code": "married"}, {"code": "widowed"}]}]}"""
                .formatted(BASE));
        write("ValueSet", "unknown-property", """
                "compose": {"include": [{"system": "%sCodeSystem/body-site",
                  "filter": [{"property": "colour", "op": "=", "value": "red"}]}]}""".formatted(BASE));
        write("ValueSet", "unknown-parent", """
                "compose": {"include": [{"system": "%sCodeSystem/body-site", "filter": [{"property": "concept", "op": "is-a", "value": "torso"}]}]}"""
                .formatted(BASE));
        write("ValueSet", "missing-parts", """
                "compose": {"include": [{"system": "%sCodeSystem/nowhere"}, {"valueSet": ["%sValueSet/nowhere-either"]}]}"""
                .formatted(BASE, BASE));

        Converted converted = TestProjects.convertResources(root);
        result = new ValueSetExpansions(converted.support(), url -> url.startsWith("http://example.org/fhir/")).expand(converted.conformance());
    }

    @Test
    void aFilterOnALocalHierarchyAndANestedValueSetExpandInMemory() {
        assertEquals(List.of("arm", "hand"), codes("upper-limb").stream().sorted().toList());
        assertEquals(List.of("arm", "hand", "single"), codes("nested").stream().sorted().toList());
        assertEquals(List.of("married", "single"), codes("minimal-marital-status").stream().sorted().toList());
        for (String good : List.of("upper-limb", "nested", "loinc", "snomed", "minimal-marital-status")) {
            assertTrue(on(result.findings(), VS + "ValueSet-" + good + ".json").isEmpty(), describe(result.findings()));
        }
    }

    @Test
    void aFilterOnACodeSystemThatIsOnlyNamedIsNotExpandableOfflineWithoutAFinding() {
        ValueSetExpansion snomed = result.expansions().get(BASE + "ValueSet/snomed");
        assertTrue(snomed.codes().isEmpty());
        assertEquals(List.of("http://snomed.info/sct"), snomed.unavailable());
    }

    @Test
    void aValueSetOfAnUnavailableCodeSystemIsNotExpandableOfflineWithoutAFinding() {
        ValueSetExpansion loinc = result.expansions().get(BASE + "ValueSet/loinc");
        assertTrue(loinc.codes().isEmpty());
        assertEquals(List.of("http://loinc.org"), loinc.unavailable());
    }

    @Test
    void aCodeTheCodeSystemDoesNotDefineIsAnErrorOnItsLine() throws Exception {
        Finding finding = only("unknown-code");
        assertTrue(finding.message().contains("code 'widowed' is not defined in code system"), finding.toLine());
        assertEquals(lineOf("unknown-code", "\"widowed\""), finding.line());
    }

    @Test
    void aFilterOnAnUndeclaredPropertyOrAnUnknownParentIsAnError() throws Exception {
        assertTrue(only("unknown-property").message().contains("filter property 'colour' is not defined"), describe(result.findings()));
        Finding parent = only("unknown-parent");
        assertTrue(parent.message().contains("filter value 'torso' is not a code"), parent.toLine());
        assertEquals(lineOf("unknown-parent", "\"torso\""), parent.line());
    }

    @Test
    void aProjectCodeSystemOrValueSetThatIsNowhereIsAnError() {
        List<Finding> missing = on(result.findings(), VS + "ValueSet-missing-parts.json");
        assertEquals(2, missing.size(), describe(missing));
        assertTrue(missing.stream().allMatch(f -> f.severity() == Severity.ERROR), describe(missing));
        assertTrue(missing.stream().anyMatch(f -> f.message().contains("CodeSystem/nowhere' is not in the project")), describe(missing));
        assertTrue(missing.stream().anyMatch(f -> f.message().contains("ValueSet/nowhere-either', which is not in the project")), describe(missing));
    }

    private static List<String> codes(String id) {
        return result.expansions().get(BASE + "ValueSet/" + id).codes().orElseThrow().stream().map(ValueSetExpansion.Code::code).toList();
    }

    private static Finding only(String id) {
        List<Finding> onFile = on(result.findings(), VS + "ValueSet-" + id + ".json");
        assertEquals(1, onFile.size(), describe(result.findings()));
        assertEquals(Severity.ERROR, onFile.get(0).severity());
        return onFile.get(0);
    }

    private static int lineOf(String id, String needle) throws Exception {
        List<String> lines = Files.readAllLines(root.resolve(VS + "ValueSet-" + id + ".json"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(needle)) return i + 1;
        throw new AssertionError(needle + " not in " + id);
    }

    private static void write(String type, String id, String body) throws Exception {
        String folder = type.equals("ValueSet") ? VS : "profiles/codesystems/";
        String json = """
                {
                  "resourceType": "%s",
                  "id": "%s",
                  "url": "%s%s/%s",
                  "version": "1.0.0",
                  "name": "N%s",
                  "status": "draft",
                  %s
                }
                """.formatted(type, id, BASE, type, id, id.replace("-", ""), body);
        Path file = root.resolve(folder + type + "-" + id + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
