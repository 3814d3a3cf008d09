package jp.nexehrs.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The package cache filled offline: the R4 core package as other FHIR tools expect it, and a dependency. */
class PackageSeederTest {
    @TempDir
    Path cache;

    @Test
    void theCorePackageAndADependencyAreWrittenAsTheHl7ToolsLayThemOut() throws Exception {
        FhirEngine engine = new FhirEngine();
        ValueSet valueSet = new ValueSet();
        valueSet.setId("kinds");
        valueSet.setUrl("http://example.org/fhir/ValueSet/kinds");
        PackageSeeder.Content dependency = new PackageSeeder.Content("example.codes", "1.0.0", List.of(valueSet));

        List<PackageSeeder.Seeded> seeded = new PackageSeeder(engine).seed(cache, List.of(dependency));

        assertEquals(List.of(new PackageSeeder.Seeded("hl7.fhir.r4.core#4.0.1", true), new PackageSeeder.Seeded("example.codes#1.0.0", true)), seeded);
        Path core = cache.resolve("hl7.fhir.r4.core#4.0.1/package");
        JsonNode manifest = new ObjectMapper().readTree(core.resolve("package.json").toFile());
        assertEquals("hl7.fhir.r4.core", manifest.get("name").asText());
        assertEquals("4.0.1", manifest.get("version").asText());
        JsonNode index = new ObjectMapper().readTree(core.resolve(".index.json").toFile());
        assertEquals(2, index.get("index-version").asInt());
        List<String> urls = index.get("files").findValuesAsText("url");
        assertTrue(urls.contains("http://hl7.org/fhir/StructureDefinition/Patient"), "resource definitions");
        assertTrue(urls.contains("http://hl7.org/fhir/StructureDefinition/patient-religion"), "extension definitions");
        assertTrue(urls.contains("http://hl7.org/fhir/ValueSet/administrative-gender"), "value sets");
        assertTrue(urls.contains("http://terminology.hl7.org/CodeSystem/v3-ActCode"), "v3 code systems");
        assertTrue(urls.contains("http://hl7.org/fhir/SearchParameter/Patient-name"), "search parameters");
        try (Stream<Path> files = Files.list(core)) {
            assertEquals(index.get("files").size() + 2, files.count(), "every indexed file is there, with package.json and .index.json");
        }
        assertTrue(Files.isRegularFile(cache.resolve("example.codes#1.0.0/package/ValueSet-kinds.json")));

        List<PackageSeeder.Seeded> again = new PackageSeeder(engine).seed(cache, List.of());
        assertFalse(again.get(0).written(), "a package already in the cache is left as it is");
        try (Stream<Path> entries = Files.list(cache)) {
            assertEquals(2, entries.count(), "no staging folder is left behind");
        }
    }
}
