package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.report.NexehrsException;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshots of the convert stage, with the real HAPI snapshot generator; no documents (no Asciidoctor). */
class SnapshotGeneratorTest {
    private static final String SD_DIR = "profiles/structuredefinitions/";
    private static FhirEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = new FhirEngine();
    }

    private Converted convert(Path root) throws Exception {
        Project project = new ProjectLoader(engine).load(root);
        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        return new Converter(engine, () -> {
            throw new AssertionError("documents must not be converted without the site goal");
        }).convert(project, false);
    }

    private static StructureDefinition profile(Converted converted, String id) {
        return converted.conformance().stream().filter(a -> a.key().equals("StructureDefinition-" + id))
                .map(a -> (StructureDefinition) a.resource()).findFirst().orElseThrow(() -> new AssertionError("no artifact " + id));
    }

    @Test
    void theFixtureProfileGetsASnapshotWithIdentifierRequired() throws Exception {
        Converted converted = convert(TestProjects.copyMinimal(dir));

        assertTrue(converted.findings().isEmpty(), describe(converted.findings()));
        assertEquals(List.of("CodeSystem-minimal-marital", "StructureDefinition-minimal-patient", "ValueSet-minimal-marital-status"),
                converted.conformance().stream().map(ConformanceArtifact::key).toList());
        StructureDefinition profile = profile(converted, "minimal-patient");
        assertTrue(profile.hasSnapshot());
        ElementDefinition identifier = profile.getSnapshot().getElement().stream()
                .filter(e -> e.getPath().equals("Patient.identifier")).findFirst().orElseThrow();
        assertEquals(1, identifier.getMin());
        assertEquals("*", identifier.getMax());
        // inherited from the base, not only what the differential says
        assertTrue(profile.getSnapshot().getElement().stream().anyMatch(e -> e.getPath().equals("Patient.birthDate")));
        assertTrue(profile.getSnapshot().getElement().size() > 30);
        // the support chain answers with the snapshot, for the validator
        StructureDefinition fromChain = (StructureDefinition) converted.support()
                .fetchStructureDefinition("http://example.org/fhir/StructureDefinition/minimal-patient");
        assertTrue(fromChain.hasSnapshot());
    }

    @Test
    void aMissingBaseIsAFindingOnItsFile() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, SD_DIR + "StructureDefinition-orphan.json", profileJson("orphan", "http://example.org/fhir/StructureDefinition/nowhere"));

        Converted converted = convert(root);

        List<Finding> orphan = TestProjects.on(converted.findings(), SD_DIR + "StructureDefinition-orphan.json");
        assertEquals(1, orphan.size(), describe(converted.findings()));
        assertTrue(orphan.get(0).isError());
        assertTrue(orphan.get(0).message().contains("http://example.org/fhir/StructureDefinition/nowhere"), orphan.get(0).toLine());
        assertEquals(lineOfBase(), orphan.get(0).line(), "the line of baseDefinition");
        List<String> keys = converted.conformance().stream().map(ConformanceArtifact::key).toList();
        assertFalse(keys.contains("StructureDefinition-orphan"));
        assertTrue(profile(converted, "minimal-patient").hasSnapshot(), "the good profile is still generated");
    }

    @Test
    void aCycleOfBasesIsAFindingOnEachOfItsFiles() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, SD_DIR + "StructureDefinition-cycle-a.json", profileJson("cycle-a", "http://example.org/fhir/StructureDefinition/cycle-b"));
        TestProjects.write(root, SD_DIR + "StructureDefinition-cycle-b.json", profileJson("cycle-b", "http://example.org/fhir/StructureDefinition/cycle-a"));

        Converted converted = convert(root);

        for (String id : List.of("cycle-a", "cycle-b")) {
            List<Finding> cycle = TestProjects.on(converted.findings(), SD_DIR + "StructureDefinition-" + id + ".json");
            assertEquals(1, cycle.size(), describe(converted.findings()));
            assertTrue(cycle.get(0).isError() && cycle.get(0).message().contains("cycle"), cycle.get(0).toLine());
            assertEquals(lineOfBase(), cycle.get(0).line());
        }
        List<String> keys = converted.conformance().stream().map(ConformanceArtifact::key).toList();
        assertFalse(keys.contains("StructureDefinition-cycle-a"));
        assertFalse(keys.contains("StructureDefinition-cycle-b"));
        assertTrue(profile(converted, "minimal-patient").hasSnapshot(), "the good profile is still generated");
    }

    @Test
    void aProfileOnALocalProfileIsGeneratedAfterItsBase() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        // "a-child" sorts before its base, so the generator must order them itself
        TestProjects.write(root, SD_DIR + "StructureDefinition-a-child.json",
                profileJson("a-child", "http://example.org/fhir/StructureDefinition/minimal-patient"));

        Converted converted = convert(root);

        assertTrue(converted.findings().isEmpty(), describe(converted.findings()));
        StructureDefinition child = profile(converted, "a-child");
        ElementDefinition identifier = child.getSnapshot().getElement().stream()
                .filter(e -> e.getPath().equals("Patient.identifier")).findFirst().orElseThrow();
        assertEquals(1, identifier.getMin(), "inherits min 1 from the local base");
        ElementDefinition gender = child.getSnapshot().getElement().stream()
                .filter(e -> e.getPath().equals("Patient.gender")).findFirst().orElseThrow();
        assertEquals(1, gender.getMin(), "its own differential");
    }

    @Test
    void aChoiceSlicedByTypeInTheShortFormGetsOneSlicingElementAndItsSlice() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, SD_DIR + "StructureDefinition-dose-base.json", medicationRequestProfile("dose-base",
                "http://hl7.org/fhir/StructureDefinition/MedicationRequest", """
                {"id": "MedicationRequest.dosageInstruction.doseAndRate.dose[x]", "path": "MedicationRequest.dosageInstruction.doseAndRate.dose[x]",
                 "type": [{"code": "Quantity", "profile": ["http://hl7.org/fhir/StructureDefinition/SimpleQuantity"]}]},
                {"id": "MedicationRequest.dosageInstruction.doseAndRate.dose[x].unit", "path": "MedicationRequest.dosageInstruction.doseAndRate.dose[x].unit", "min": 1}"""));
        // As SUSHI 2022 wrote the JAMI ePrescription guide: slicing on dose[x], the slice named doseQuantity.
        TestProjects.write(root, SD_DIR + "StructureDefinition-dose-sliced.json", medicationRequestProfile("dose-sliced",
                "http://example.org/fhir/StructureDefinition/dose-base", """
                {"id": "MedicationRequest.dosageInstruction.doseAndRate.dose[x]", "path": "MedicationRequest.dosageInstruction.doseAndRate.dose[x]",
                 "slicing": {"discriminator": [{"type": "type", "path": "$this"}], "ordered": false, "rules": "open"}},
                {"id": "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity", "path": "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity", "min": 0, "max": "1"},
                {"id": "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity.system", "path": "MedicationRequest.dosageInstruction.doseAndRate.doseQuantity.system", "min": 1}"""));

        Converted converted = convert(root);

        assertTrue(converted.findings().isEmpty(), describe(converted.findings()));
        List<String> ids = profile(converted, "dose-sliced").getSnapshot().getElement().stream().map(ElementDefinition::getId).toList();
        assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "each element once: " + ids);
        String dose = "MedicationRequest.dosageInstruction.doseAndRate.dose[x]";
        assertTrue(ids.contains(dose + ":doseQuantity") && ids.contains(dose + ":doseQuantity.system"), ids.toString());
        assertTrue(ids.indexOf(dose) < ids.indexOf(dose + ":doseQuantity"), ids.toString());
    }

    private static String medicationRequestProfile(String id, String base, String elements) {
        return """
                {"resourceType": "StructureDefinition", "id": "%1$s", "url": "http://example.org/fhir/StructureDefinition/%1$s",
                 "name": "Profile%2$s", "status": "draft", "fhirVersion": "4.0.1", "kind": "resource", "abstract": false,
                 "type": "MedicationRequest", "baseDefinition": "%3$s", "derivation": "constraint",
                 "differential": {"element": [
                %4$s
                 ]}}
                """.formatted(id, id.replace("-", ""), base, elements);
    }

    private static int lineOfBase() {
        return (int) profileJson("x", "y").lines().takeWhile(l -> !l.contains("baseDefinition")).count() + 1;
    }

    private static String profileJson(String id, String base) {
        return """
                {
                  "resourceType": "StructureDefinition",
                  "id": "%1$s",
                  "url": "http://example.org/fhir/StructureDefinition/%1$s",
                  "name": "P%2$s",
                  "status": "draft",
                  "fhirVersion": "4.0.1",
                  "kind": "resource",
                  "abstract": false,
                  "type": "Patient",
                  "baseDefinition": "%3$s",
                  "derivation": "constraint",
                  "differential": {"element": [
                    {"id": "Patient", "path": "Patient"},
                    {"id": "Patient.gender", "path": "Patient.gender", "min": 1}
                  ]}
                }
                """.formatted(id, id.replace("-", ""), base);
    }

    /**
     * This repository's profiles generated on one thread and on two (profiles of one dependency level at once), three
     * times over in one JVM as the build cache tests do: the same snapshots, byte for byte.
     */
    @Test
    void thisSpecsSnapshotsAreTheSameOnOneThreadAndOnTwo() throws Exception {
        Project project = new ProjectLoader(engine).load(TestProjects.copyRepositorySpec(dir.resolve("spec")));
        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        Map<String, String> oneThread = snapshotsOf(project, 1);
        assertTrue(oneThread.size() >= 15, oneThread.keySet().toString());
        for (int run = 0; run < 3; run++) assertEquals(oneThread, snapshotsOf(project, 2), "run " + run);
    }

    private static Map<String, String> snapshotsOf(Project project, int threads) throws NexehrsException {
        Map<String, String> snapshots = new TreeMap<>();
        for (ConformanceArtifact artifact : convertSpec(project, threads).conformance()) {
            if (artifact.resource() instanceof StructureDefinition) {
                snapshots.put(artifact.key(), engine.jsonParser().encodeResourceToString(artifact.resource()));
            }
        }
        return snapshots;
    }

    /**
     * A profile is generated after the extensions its elements name, so its extension slice carries the extension's
     * own definition. (Generated before it, as file order once allowed, the slice said only "Extension".)
     */
    @Test
    void anExtensionSliceCarriesTheExtensionsOwnDefinition() throws Exception {
        Project project = new ProjectLoader(engine).load(TestProjects.copyRepositorySpec(dir.resolve("spec")));
        StructureDefinition provenance = profile(convertSpec(project, 2), "nexehrs-dataset-provenance");
        ElementDefinition slice = provenance.getSnapshot().getElement().stream()
                .filter(e -> e.getId().equals("Provenance.extension:pseudonymisationMethod")).findFirst().orElseThrow();
        assertEquals("仮名化の方法", slice.getShort());
    }

    private static Converted convertSpec(Project project, int threads) throws NexehrsException {
        Converted converted = new Converter(engine, () -> {
            throw new AssertionError("documents must not be converted without the site goal");
        }, BuildCache.disabled(), threads).convert(project, false);
        assertEquals(List.of(), converted.findings());
        return converted;
    }
}
