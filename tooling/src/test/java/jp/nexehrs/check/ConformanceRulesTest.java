package jp.nexehrs.check;

import jp.nexehrs.convert.Converted;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static jp.nexehrs.testing.TestProjects.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks on the project's own profiles, with the real snapshot generator and FHIRPath engine: one fixture
 * profile per rule, each with one deliberate mistake, and one profile that uses slicing, a choice type, a
 * datatype's child and an extension correctly and must give no finding.
 */
class ConformanceRulesTest {
    @TempDir
    static Path dir;
    private static List<Finding> findings;
    private static final String SD = "profiles/structuredefinitions/";

    @BeforeAll
    static void checkOnce() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        write(root, "unknown-path", "Patient", """
                {"id": "Patient", "path": "Patient"},
                {"id": "Patient.favouriteColour", "path": "Patient.favouriteColour", "min": 1}""");
        write(root, "wrong-type", "Patient", """
                {"id": "Patient.deceased[x]", "path": "Patient.deceased[x]", "type": [{"code": "string"}]},
                {"id": "Patient.multipleBirthQuantity", "path": "Patient.multipleBirthQuantity"}""");
        write(root, "wider", "http://example.org/fhir/StructureDefinition/minimal-patient", "Patient", """
                {"id": "Patient.identifier", "path": "Patient.identifier", "min": 0},
                {"id": "Patient.gender", "path": "Patient.gender", "max": "2"}""");
        write(root, "bad-invariant", "Patient", """
                {"id": "Patient", "path": "Patient", "constraint": [
                  {"key": "good-1", "severity": "error", "human": "名前がある", "expression": "name.exists()"},
                  {"key": "bad-1", "severity": "error", "human": "壊れた式", "expression": "name.where(use = 'official'"}
                ]}""");
        write(root, "unknown-binding", "Patient", """
                {"id": "Patient.maritalStatus", "path": "Patient.maritalStatus",
                 "binding": {"strength": "required", "valueSet": "http://example.org/fhir/ValueSet/nowhere"}},
                {"id": "Patient.communication.language", "path": "Patient.communication.language",
                 "binding": {"strength": "preferred", "valueSet": "http://example.org/fhir/ValueSet/nowhere-either"}},
                {"id": "Patient.contact.relationship", "path": "Patient.contact.relationship",
                 "binding": {"strength": "extensible", "valueSet": "http://example.org/fhir/CodeSystem/minimal-marital"}}""");
        write(root, "correct", "Observation", """
                {"id": "Observation", "path": "Observation"},
                {"id": "Observation.extension", "path": "Observation.extension", "slicing": {"discriminator": [{"type": "value", "path": "url"}], "rules": "open"}},
                {"id": "Observation.extension:note", "path": "Observation.extension", "sliceName": "note", "max": "1",
                 "type": [{"code": "Extension", "profile": ["http://hl7.org/fhir/StructureDefinition/iso21090-SC-coding"]}]},
                {"id": "Observation.code.coding", "path": "Observation.code.coding", "slicing": {"discriminator": [{"type": "pattern", "path": "system"}], "rules": "open"}},
                {"id": "Observation.code.coding:jlac", "path": "Observation.code.coding", "sliceName": "jlac", "min": 0, "max": "1"},
                {"id": "Observation.code.coding:jlac.system", "path": "Observation.code.coding.system", "min": 1, "fixedUri": "urn:oid:1.2.392.200119.4.504"},
                {"id": "Observation.value[x]", "path": "Observation.value[x]", "type": [{"code": "Quantity"}]},
                {"id": "Observation.value[x].unit", "path": "Observation.value[x].unit", "min": 1},
                {"id": "Observation.effectiveDateTime", "path": "Observation.effectiveDateTime", "min": 1},
                {"id": "Observation.component.value[x]", "path": "Observation.component.value[x]", "type": [{"code": "Quantity", "profile": ["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"]}]},
                {"id": "Observation.hasMember", "path": "Observation.hasMember", "max": "0"},
                {"id": "Observation.status", "path": "Observation.status", "binding": {"strength": "required", "valueSet": "http://hl7.org/fhir/ValueSet/observation-status|4.0.1"}},
                {"id": "Observation.interpretation", "path": "Observation.interpretation", "binding": {"strength": "extensible", "valueSet": "http://loinc.org/vs/LL360-9"}}""");

        Converted converted = TestProjects.convertResources(root);
        findings = new ConformanceRules(converted.support(), url -> url.startsWith(converted.project().config().canonical() + "/")).check(converted.project().resources(FhirSource.Role.CONFORMANCE));
    }

    @Test
    void aCorrectProfileWithSlicesChoicesAndDatatypeChildrenHasNoFinding() {
        List<Finding> correct = on(findings, SD + "StructureDefinition-correct.json");
        assertEquals(1, correct.size(), describe(correct));
        assertEquals(Severity.WARNING, correct.get(0).severity(), "a LOINC value set is not checked offline: " + describe(correct));
        assertTrue(correct.get(0).message().startsWith("not checked offline"), describe(correct));
        assertTrue(on(findings, SD + "StructureDefinition-minimal-patient.json").isEmpty(), describe(findings));
    }

    @Test
    void anElementTheBaseDoesNotHaveIsAnErrorOnItsLine() {
        Finding finding = only(SD + "StructureDefinition-unknown-path.json");
        assertEquals(ConformanceRules.RULE_PATH, finding.messageId());
        assertTrue(finding.message().contains("Patient.favouriteColour") && finding.message().contains("does not exist"), finding.toLine());
        assertEquals(lineOf("unknown-path", "Patient.favouriteColour"), finding.line(), finding.toLine());
    }

    @Test
    void aTypeTheBaseDoesNotAllowIsAnError() {
        List<Finding> wrong = on(findings, SD + "StructureDefinition-wrong-type.json");
        assertEquals(2, wrong.size(), describe(wrong));
        assertTrue(wrong.stream().allMatch(f -> f.messageId().equals(ConformanceRules.RULE_TYPE) && f.isError()), describe(wrong));
        assertTrue(wrong.get(0).message().contains("'string'") && wrong.get(0).message().contains("boolean, dateTime"), describe(wrong));
        assertTrue(wrong.get(1).message().contains("'Quantity'") && wrong.get(1).message().contains("boolean, integer"), describe(wrong));
    }

    @Test
    void cardinalityWiderThanTheBaseProfileIsAnError() {
        List<Finding> wider = on(findings, SD + "StructureDefinition-wider.json");
        assertEquals(2, wider.size(), describe(wider));
        assertTrue(wider.get(0).message().contains("min 0 of 'Patient.identifier' is lower than the base's min 1"), describe(wider));
        assertTrue(wider.get(1).message().contains("max 2 of 'Patient.gender' is higher than the base's max 1"), describe(wider));
        assertEquals(lineOf("wider", "Patient.gender"), wider.get(1).line());
    }

    @Test
    void anInvariantThatDoesNotCompileIsAnErrorOnItsKey() {
        Finding finding = only(SD + "StructureDefinition-bad-invariant.json");
        assertEquals(ConformanceRules.RULE_INVARIANT, finding.messageId());
        assertTrue(finding.message().startsWith("invariant 'bad-1' on 'Patient' does not compile"), finding.toLine());
        assertEquals(lineOf("bad-invariant", "bad-1"), finding.line());
    }

    @Test
    void aBindingToAValueSetNowhereIsAnErrorWhenRequiredAndAWarningWhenPreferred() {
        List<Finding> bindings = on(findings, SD + "StructureDefinition-unknown-binding.json");
        assertEquals(3, bindings.size(), describe(bindings));
        assertEquals(Severity.ERROR, bindings.get(0).severity());
        assertTrue(bindings.get(0).message().contains("required binding of 'Patient.maritalStatus' names ValueSet http://example.org/fhir/ValueSet/nowhere"), describe(bindings));
        assertEquals(Severity.WARNING, bindings.get(1).severity(), describe(bindings));
        assertEquals(Severity.ERROR, bindings.get(2).severity(), describe(bindings));
        assertTrue(bindings.get(2).message().contains("it is a CodeSystem's URL"), describe(bindings));
        assertEquals(lineOf("unknown-binding", "nowhere-either"), bindings.get(1).line());
    }

    private static Finding only(String file) {
        List<Finding> onFile = on(findings, file);
        assertEquals(1, onFile.size(), describe(onFile));
        return onFile.get(0);
    }

    private static int lineOf(String id, String needle) {
        String text = TestProjects.read(dir.resolve("project").resolve(SD + "StructureDefinition-" + id + ".json"));
        return jp.nexehrs.util.TextPositions.lineOfSequence(text, "\"differential\"", needle);
    }

    private static void write(Path root, String id, String type, String elements) {
        write(root, id, "http://hl7.org/fhir/StructureDefinition/" + type, type, elements);
    }

    private static void write(Path root, String id, String base, String type, String elements) {
        TestProjects.write(root, SD + "StructureDefinition-" + id + ".json", """
                {
                  "resourceType": "StructureDefinition",
                  "id": "%1$s",
                  "url": "http://example.org/fhir/StructureDefinition/%1$s",
                  "name": "Fixture%2$s",
                  "status": "draft",
                  "fhirVersion": "4.0.1",
                  "kind": "resource",
                  "abstract": false,
                  "type": "%3$s",
                  "baseDefinition": "%4$s",
                  "derivation": "constraint",
                  "differential": {
                    "element": [
                %5$s
                    ]
                  }
                }
                """.formatted(id, id.replace("-", ""), type, base, elements));
    }
}
