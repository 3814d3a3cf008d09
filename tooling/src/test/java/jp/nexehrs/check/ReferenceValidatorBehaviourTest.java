package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ReparsableResource;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks the HL7 validator makes and HAPI's wrapper used to leave out or get wrong, found with the validator's own
 * test cases (ValidatorOracleTest), each on a small fixture with the real validator.
 */
class ReferenceValidatorBehaviourTest {
    private static final FhirEngine ENGINE = new FhirEngine();
    private static InstanceValidator validator;

    @BeforeAll
    static void start() {
        validator = new InstanceValidator(new ConformanceSupport(ENGINE));
    }

    @Test
    void codeSystemPropertiesAreChecked() {
        List<Finding> findings = validate(validator, "CodeSystem", """
                {"resourceType": "CodeSystem", "id": "x", "url": "http://example.jp/fhir/CodeSystem/x", "name": "X",
                 "status": "draft", "content": "complete",
                 "property": [{"code": "flag", "type": "boolean"}, {"code": "flag", "type": "string"}],
                 "concept": [{"code": "a", "display": "A"}]}
                """);
        assertTrue(findings.stream().anyMatch(f -> f.isError() && "CODESYSTEM_PROPERTY_DUPLICATE_CODE".equals(f.messageId())),
                describe(findings));
    }

    @Test
    void aSnomedConceptAValueSetFiltersOnIsNotCheckedOffline() {
        List<Finding> findings = validate(validator, "ValueSet", """
                {"resourceType": "ValueSet", "id": "x", "url": "http://example.jp/fhir/ValueSet/x", "name": "X",
                 "status": "draft",
                 "compose": {"include": [{"system": "http://snomed.info/sct",
                   "filter": [{"property": "concept", "op": "is-a", "value": "404684003"}]}]}}
                """);
        assertTrue(findings.stream().noneMatch(Finding::isError), describe(findings));
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.WARNING
                && f.message().startsWith(InstanceValidator.NOT_CHECKED_OFFLINE) && f.message().contains("404684003")), describe(findings));
    }

    @Test
    void aVitalSignIsValidatedAgainstTheProfileFhirRequiresForItsCode() {
        // SNOMED CT "body temperature" without the LOINC code R4's bodytemp profile requires.
        List<Finding> findings = validate(validator, "Observation", """
                {"resourceType": "Observation", "id": "x", "status": "final",
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                 "code": {"coding": [{"system": "http://snomed.info/sct", "code": "276885007"}]},
                 "subject": {"reference": "Patient/p"}, "effectiveDateTime": "2024-01-01",
                 "valueQuantity": {"value": 36.5, "unit": "C", "system": "http://unitsofmeasure.org", "code": "Cel"}}
                """);
        assertTrue(findings.stream().anyMatch(f -> f.isError() && f.message().contains("8310-5")), describe(findings));
    }

    @Test
    void aVitalSignComponentInOtherUnitsIsAWarningAsInTheHl7Validator() {
        // R4 binds Observation.component.value[x] of the vital-signs profiles "required"; the HL7 validator reads it as extensible.
        List<Finding> findings = validate(validator, "Observation", """
                {"resourceType": "Observation", "id": "x", "status": "final",
                 "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "vital-signs"}]}],
                 "code": {"coding": [{"system": "http://loinc.org", "code": "2708-6"}, {"system": "http://loinc.org", "code": "59408-5"}]},
                 "subject": {"reference": "Patient/p"}, "effectiveDateTime": "2024-01-01",
                 "valueQuantity": {"value": 95, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"},
                 "component": [{"code": {"coding": [{"system": "http://loinc.org", "code": "3151-8"}]},
                   "valueQuantity": {"value": 6, "unit": "L/min", "system": "http://unitsofmeasure.org", "code": "L/min"}}]}
                """);
        assertTrue(findings.stream().noneMatch(f -> f.isError() && f.message().contains("L/min")), describe(findings));
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.WARNING && f.message().contains("L/min")), describe(findings));
    }

    @Test
    void aCodeFromAValueSetContainedInTheProfileIsFound() {
        ConformanceSupport support = new ConformanceSupport(ENGINE);
        StructureDefinition profile = (StructureDefinition) ENGINE.context().newJsonParser().parseResource("""
                {"resourceType": "StructureDefinition", "id": "coded-patient", "url": "http://example.jp/fhir/StructureDefinition/coded-patient",
                 "name": "CodedPatient", "status": "draft", "fhirVersion": "4.0.1", "kind": "resource", "abstract": false,
                 "type": "Patient", "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient", "derivation": "constraint",
                 "contained": [{"resourceType": "ValueSet", "id": "vs", "url": "http://example.jp/fhir/StructureDefinition/coded-patient#vs",
                   "status": "active", "compose": {"include": [{"system": "http://hl7.org/fhir/administrative-gender", "concept": [{"code": "female"}]}]}}],
                 "differential": {"element": [{"id": "Patient.gender", "path": "Patient.gender",
                   "binding": {"strength": "required", "valueSet": "#vs"}}]}}
                """);
        support.add(ReparsableResource.held(support.snapshotSession().generate(profile, profile.getUrl(), profile.getName())));
        support.resourcesChanged();
        List<Finding> findings = new InstanceValidator(support).validate(source("Patient", """
                {"resourceType": "Patient", "id": "x", "gender": "female"}
                """), profile.getUrl());
        assertTrue(findings.stream().noneMatch(Finding::isError), describe(findings));
    }

    @Test
    void theBuildRejectsAnUndefinedExampleExtensionThatTheHl7HarnessAccepts() {
        String patient = """
                {"resourceType": "Patient", "id": "x",
                 "extension": [{"url": "http://example.org/fhir/StructureDefinition/undefined", "valueString": "x"}]}
                """;
        List<Finding> build = validate(validator, "Patient", patient);
        assertTrue(build.stream().anyMatch(f -> f.isError() && f.message().contains("example.org")), describe(build));
        InstanceValidator harness = new InstanceValidator(new ConformanceSupport(ENGINE),
                new ValidationSetup(true, List.of(), Optional.empty(), false));
        List<Finding> accepted = validate(harness, "Patient", patient);
        assertTrue(accepted.stream().noneMatch(Finding::isError), describe(accepted));
    }

    private static List<Finding> validate(InstanceValidator validator, String type, String text) {
        return validator.validate(source(type, text));
    }

    private static FhirSource source(String type, String text) {
        return new FhirSource(type + "-x.json", FhirSource.Role.EXAMPLE, ResourceFormat.JSON, text, null, type, "x", "", List.of());
    }
}
