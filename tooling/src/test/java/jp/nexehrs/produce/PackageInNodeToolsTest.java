package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.node.InstalledTool;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.node.ProcessOutput;
import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The package read by the Node tools implementers use, each pinned and installed with {@code npm ci}, offline: a FHIR
 * package cache ({@code <home>/.fhir/packages}) holding the R4 core package that {@code nexehrs packages seed} writes
 * and our package, as {@code HOME=<home>}. fhir-package-loader finds every resource by id, name and URL; SUSHI compiles
 * a profile whose parent is ours (found by its name). Skipped, with a message, where Node.js is not installed.
 */
class PackageInNodeToolsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PACKAGE = "example.minimal";
    private static final String VERSION = "1.0.0";

    @TempDir
    static Path dir;
    private static Path home;
    private static Path packageFolder;
    private static NodeTools tools;

    @BeforeAll
    static void packageIntoACache() throws Exception {
        tools = NodeTools.inUserCache();
        assumeTrue(tools.nodeMajorVersion().isPresent(), "Node.js is not installed on this machine: the Node consumers are not tried");
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
            assertFalse(outcome.failed(), describe(outcome.findings()));
            home = dir.resolve("home");
            Path cache = home.resolve(".fhir").resolve("packages");
            new PackageSeeder(toolkit.fhir()).seedCore(cache);
            packageFolder = cache.resolve(PACKAGE + "#" + VERSION);
            untar(root.resolve("build/package/" + PACKAGE + "-" + VERSION + ".tgz"), packageFolder);
        }
    }

    @Test
    void fhirPackageLoaderFindsEveryResourceByIdNameAndUrl() throws Exception {
        InstalledTool loader = tools.install("package-loader", "The package consumer test runs fhir-package-loader");
        // The loader reads package/ only, as it does for every IG Publisher package: examples (package/example) are
        // for validators and readers, not for tools that resolve definitions.
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode file : JSON.readTree(packageFolder.resolve("package/.index.json").toFile()).get("files")) {
            resources.add(JSON.readTree(packageFolder.resolve("package").resolve(file.get("filename").asText()).toFile()));
        }
        assertEquals(4, resources.size(), "the minimal package's three conformance resources and its ImplementationGuide");
        List<String> keys = new ArrayList<>();
        for (JsonNode resource : resources) {
            for (String field : List.of("id", "name", "url")) {
                if (resource.has(field)) keys.add(resource.get(field).asText());
            }
        }
        Path keysFile = dir.resolve("keys.json");
        JSON.writeValue(keysFile.toFile(), keys);
        Path script = Path.of(PackageInNodeToolsTest.class.getResource("find-resources.cjs").toURI());
        ProcessOutput run = NodeTools.run(List.of(tools.node(), script.toString(), PACKAGE, VERSION, keysFile.toString()), dir,
                Map.of("HOME", home.toString(), "NODE_PATH", loader.folder().resolve("node_modules").toString()), Duration.ofMinutes(3));
        assertEquals(0, run.exitCode(), run.stderr());
        JsonNode result = JSON.readTree(run.stdout());
        assertEquals("LOADED", result.get("status").asText(), result.toString());
        assertEquals(VERSION, result.get("packageJson").get("version").asText());
        assertEquals("http://example.org/fhir", result.get("packageJson").get("canonical").asText());
        for (JsonNode resource : resources) {
            for (String field : List.of("id", "name", "url")) {
                if (!resource.has(field)) continue;
                String key = resource.get(field).asText();
                boolean found = false;
                for (JsonNode info : result.get("found").get(key)) {
                    found |= info.get("resourceType").asText().equals(resource.get("resourceType").asText())
                            && info.get("id").asText().equals(resource.get("id").asText());
                }
                assertTrue(found, resource.get("resourceType").asText() + " by " + field + " '" + key + "': " + result.get("found").get(key));
            }
        }
    }

    @Test
    void sushiCompilesAProfileDerivedFromOursOffline() throws Exception {
        InstalledTool sushi = tools.install("sushi", "The package consumer test runs SUSHI");
        Path project = dir.resolve("fsh-project");
        TestProjects.write(project, "sushi-config.yaml", """
                id: example.derived
                canonical: http://example.org/derived
                name: ExampleDerived
                status: draft
                version: 0.1.0
                fhirVersion: 4.0.1
                FSHOnly: true
                dependencies:
                  %s: %s
                """.formatted(PACKAGE, VERSION));
        TestProjects.write(project, "input/fsh/derived.fsh", """
                Profile: DerivedPatient
                Parent: MinimalPatient
                Id: derived-patient
                Title: "派生した患者"
                * birthDate 1..1
                * maritalStatus 1..1
                """);
        ProcessOutput run = NodeTools.run(List.of(sushi.command("sushi").toString(), "build", project.toString()), project,
                Map.of("HOME", home.toString()), Duration.ofMinutes(5));
        String log = run.stdout() + run.stderr();
        assertEquals(0, run.exitCode(), log);
        JsonNode derived = JSON.readTree(project.resolve("fsh-generated/resources/StructureDefinition-derived-patient.json").toFile());
        assertEquals("http://example.org/fhir/StructureDefinition/minimal-patient", derived.get("baseDefinition").asText(),
                "the parent found by its name in our package: " + log);
        assertEquals("Patient", derived.get("type").asText());
        List<String> paths = new ArrayList<>();
        derived.get("differential").get("element").forEach(e -> paths.add(e.get("path").asText()));
        assertTrue(paths.contains("Patient.birthDate") && paths.contains("Patient.maritalStatus"), paths.toString());
    }

    private static void untar(Path tgz, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) throw new IOException("an entry outside the package: " + entry.getName());
                Files.createDirectories(file.getParent());
                Files.write(file, tar.readAllBytes());
            }
        }
    }
}
