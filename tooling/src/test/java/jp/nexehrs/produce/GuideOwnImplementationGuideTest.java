package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestToolkits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guide with its own ImplementationGuide gets it in the package, completed: what the author wrote is kept. */
class GuideOwnImplementationGuideTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theGuidesOwnImplementationGuideIsCompletedNotReplaced() throws Exception {
        Path root = CorpusFixtures.copyProject("real-guide", dir.resolve("guide"));
        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
        }
        assertFalse(outcome.failed(), describe(outcome.findings()));
        String text = entry(root.resolve("build/package/example.realguide-2.0.0.tgz"), "package/ImplementationGuide-example.realguide.json");
        JsonNode guide = JSON.readTree(text);

        assertEquals("http://example.org/fhir/guide/ImplementationGuide/example.realguide", guide.get("url").asText());
        assertEquals("RealGuide", guide.get("name").asText(), "the author's name, not one made from the id");
        assertEquals("http://example.org/fhir/common/StructureDefinition/CommonObservation", guide.get("global").get(0).get("profile").asText());
        List<String> dependsOn = guide.get("dependsOn").findValuesAsText("packageId");
        assertEquals(List.of("example.base", "example.terminology", "example.codes"), dependsOn,
                "the author's two, then the one only nexehrs.yaml names");
        assertEquals("http://example.org/fhir/base/ImplementationGuide/example.base", guide.get("dependsOn").get(0).get("uri").asText());

        Map<String, JsonNode> resources = new LinkedHashMap<>();
        guide.get("definition").get("resource").forEach(r -> resources.put(r.get("reference").get("reference").asText(), r));
        assertEquals("患者の例", resources.get("Patient/taro").get("name").asText());
        assertEquals("太郎さん", resources.get("Patient/taro").get("description").asText());
        assertEquals("http://example.org/fhir/guide/StructureDefinition/GuidePatient", resources.get("Patient/taro").get("exampleCanonical").asText());
        assertTrue(resources.get("Observation/weight").get("exampleBoolean").asBoolean());
        assertTrue(resources.containsKey("CodeSystem/visit-kind") && resources.containsKey("StructureDefinition/guide-patient"),
                "the conformance resources the author did not list are added: " + resources.keySet());
        assertEquals(List.of("Patient/taro", "Observation/weight"), List.copyOf(resources.keySet()).subList(0, 2), "the author's entries first");
        assertTrue(guide.get("definition").has("page"), "pages are added");
        assertEquals("generated", guide.get("text").get("status").asText());

        IBaseResource parsed = outcome.checked().converted().support().engine().jsonParser().parseResource(text);
        FhirSource source = new FhirSource("ImplementationGuide-example.realguide.json", FhirSource.Role.EXAMPLE, ResourceFormat.JSON, text,
                parsed, "ImplementationGuide", "example.realguide", "", List.of());
        List<String> errors = new InstanceValidator(outcome.checked().converted().support()).validate(source).stream()
                .filter(Finding::isError).map(Finding::toLine).toList();
        assertEquals(List.of(), errors);
    }

    private static String entry(Path tgz, String name) throws Exception {
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.getName().equals(name)) return new String(tar.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no " + name + " in " + tgz);
    }
}
