package jp.nexehrs.load;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What published guides do that the load stage must take as it is, and what it must still refuse. */
class RealGuideLoadingTest {
    private static FhirEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = new FhirEngine();
    }

    private Project load(Path root) throws Exception {
        return new ProjectLoader(engine, List.of(dir.resolve("no-cache")), Optional.empty(), PagePaths.DEFAULT).load(root);
    }

    private Path minimalWithConfig(String replace, String with) throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        Path config = root.resolve(ProjectLoader.CONFIG_FILE);
        String text = Files.readString(config);
        assertTrue(text.contains(replace), "fixture line " + replace);
        Files.writeString(config, text.replace(replace, with));
        return root;
    }

    @Test
    void aPackageIdWithCapitalsAndAVersionThatIsNotSemverAreWarningsOnTheirLines() throws Exception {
        Path root = minimalWithConfig("id: example.minimal\ncanonical: http://example.org/fhir\nversion: 1.0.0",
                "id: jp-eCSCLINS.r4\ncanonical: http://example.org/fhir\nversion: 1.x.x-temp");
        Project project = load(root);
        List<Finding> config = TestProjects.on(project.findings(), ProjectLoader.CONFIG_FILE);
        assertEquals(2, config.size(), describe(project.findings()));
        assertTrue(config.stream().allMatch(f -> f.severity() == Severity.WARNING), describe(config));
        assertTrue(config.get(0).message().contains("'jp-eCSCLINS.r4' does not follow the FHIR package naming convention"), describe(config));
        assertEquals(1, config.get(0).line());
        assertTrue(config.get(1).message().contains("'1.x.x-temp' is not a semantic version"), describe(config));
        assertEquals(3, config.get(1).line());
    }

    @Test
    void aPackageIdThatCannotNameAPackageIsStillAnError() throws Exception {
        Path root = minimalWithConfig("id: example.minimal", "id: \"has space\"");
        jp.nexehrs.report.SourceException e = assertThrows(jp.nexehrs.report.SourceException.class, () -> load(root));
        assertTrue(e.getMessage().contains("cannot name a package"), e.getMessage());
    }

    @Test
    void everyMissingDependencyIsReportedAtOnce() throws Exception {
        Path root = minimalWithConfig("license: CC0-1.0", """
                license: CC0-1.0
                dependencies:
                  - id: jpfhir-terminology.r4
                    version: 1.1.1
                  - id: hl7.terminology.r4
                    version: 6.0.2
                  - id: hl7.fhir.r4.core
                    version: 4.0.1""");
        MissingDependenciesException e = assertThrows(MissingDependenciesException.class, () -> load(root));
        assertEquals(List.of("jpfhir-terminology.r4#1.1.1", "hl7.terminology.r4#6.0.2"), e.missing().stream().map(MissingPackage::label).toList(),
                "the core package is built in, never missing");
        assertEquals(12, e.line());
        assertTrue(e.getMessage().contains("--missing-dependencies=warn"), e.getMessage());
    }

    /** The minimal project depending on a package that is not on the machine, with {@code missingDependencies: warn}. */
    private Path minimalWarningOfAMissingTerminologyPackage() throws Exception {
        return minimalWithConfig("license: CC0-1.0", """
                license: CC0-1.0
                missingDependencies: warn
                dependencies:
                  - id: jpfhir-terminology.r4
                    version: 1.1.1""");
    }

    @Test
    void missingDependenciesAreWarningsWhenTheProjectSaysSo() throws Exception {
        Path root = minimalWarningOfAMissingTerminologyPackage();
        Project project = load(root);
        assertEquals(List.of("jpfhir-terminology.r4#1.1.1"), project.missingDependencies().stream().map(MissingPackage::label).toList());
        Finding said = TestProjects.on(project.findings(), ProjectLoader.CONFIG_FILE).get(0);
        assertEquals(Severity.WARNING, said.severity());
        assertEquals(13, said.line());
    }

    @Test
    void theCommandLineOverridesTheProjectsChoice() throws Exception {
        Path root = minimalWarningOfAMissingTerminologyPackage();
        ProjectLoader strict = new ProjectLoader(engine, List.of(), Optional.of(ProjectConfig.MissingDependencies.ERROR), PagePaths.DEFAULT);
        assertThrows(MissingDependenciesException.class, () -> strict.load(root));
    }

    @Test
    void theGuidesImplementationGuideIsReadAndMustAgreeWithTheConfig() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        TestProjects.write(root, "profiles/ImplementationGuide-guide.json", """
                {
                  "resourceType": "ImplementationGuide",
                  "id": "guide",
                  "url": "http://example.org/fhir/ImplementationGuide/guide",
                  "name": "Guide",
                  "status": "draft",
                  "packageId": "example.other",
                  "fhirVersion": ["4.0.1"]
                }
                """);
        Project project = load(root);
        assertTrue(project.guide().isPresent());
        List<Finding> onGuide = TestProjects.on(project.findings(), "profiles/ImplementationGuide-guide.json");
        assertEquals(1, onGuide.size(), describe(project.findings()));
        assertEquals(Severity.ERROR, onGuide.get(0).severity());
        assertEquals(7, onGuide.get(0).line());
        assertTrue(onGuide.get(0).message().contains("'example.other' differs from id 'example.minimal' in nexehrs.yaml"), onGuide.get(0).message());
    }

    @Test
    void theGuidesDependsOnIsADependencyAndAnotherVersionIsAnError() throws Exception {
        Path root = minimalWithConfig("license: CC0-1.0", """
                license: CC0-1.0
                missingDependencies: warn
                dependencies:
                  - id: example.a
                    version: 1.0.0""");
        TestProjects.write(root, "profiles/ImplementationGuide-guide.json", """
                {
                  "resourceType": "ImplementationGuide",
                  "id": "guide",
                  "url": "http://example.org/fhir/ImplementationGuide/guide",
                  "name": "Guide",
                  "status": "draft",
                  "packageId": "example.minimal",
                  "fhirVersion": ["4.0.1"],
                  "dependsOn": [
                    { "uri": "http://example.org/a", "packageId": "example.a", "version": "2.0.0" },
                    { "uri": "http://example.org/b", "packageId": "example.b", "version": "1.0.0" },
                    { "uri": "http://hl7.org/fhir", "packageId": "hl7.fhir.r4.core", "version": "4.0.1" }
                  ]
                }
                """);
        Project project = load(root);
        assertEquals(List.of("example.a#1.0.0", "example.b#1.0.0"), project.missingDependencies().stream().map(MissingPackage::label).toList());
        List<Finding> onGuide = TestProjects.on(project.findings(), "profiles/ImplementationGuide-guide.json");
        assertEquals(2, onGuide.size(), describe(project.findings()));
        assertEquals(Severity.ERROR, onGuide.get(0).severity());
        assertTrue(onGuide.get(0).message().contains("depends on example.a#2.0.0 but nexehrs.yaml names version 1.0.0"), onGuide.get(0).message());
        assertEquals(10, onGuide.get(0).line());
        assertEquals(Severity.WARNING, onGuide.get(1).severity(), "a package only the guide names is missing where the guide names it");
        assertTrue(onGuide.get(1).message().startsWith("dependency example.b#1.0.0 is not on this machine"), onGuide.get(1).message());
        assertEquals(11, onGuide.get(1).line());
    }

    @Test
    void instancesBesideTheProfilesAreExamples() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        Files.move(root.resolve("profiles/examples/Patient-hanako.json"), root.resolve("profiles/AHC-hanako.json"));
        Project project = load(root);
        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        assertEquals(List.of("profiles/AHC-hanako.json"), project.resources(FhirSource.Role.EXAMPLE).stream().map(FhirSource::file).toList());
    }

    @Test
    void misleadingFileNamesAreWarningsOnlyWhenTheProjectAsksForStrictNames() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        Files.move(root.resolve("profiles/examples/Patient-hanako.json"), root.resolve("profiles/examples/Observation-hanako.json"));
        assertTrue(load(root).findings().isEmpty(), "free names by default");

        Path config = root.resolve(ProjectLoader.CONFIG_FILE);
        Files.writeString(config, Files.readString(config) + "fileNames: strict\n");
        List<Finding> findings = load(root).findings();
        assertEquals(1, findings.size(), describe(findings));
        assertEquals(Severity.WARNING, findings.get(0).severity());
        assertTrue(findings.get(0).message().contains("the file name says Observation but it holds a Patient"), findings.get(0).message());
    }

    @Test
    void theProjectsVersionIsStampedIntoItsOwnConformanceResources() throws Exception {
        Path root = minimalWithConfig("version: 1.0.0", "version: 3.1.0");
        Project project = load(root);
        for (FhirSource source : project.resources(FhirSource.Role.CONFORMANCE)) {
            assertEquals("3.1.0", ((org.hl7.fhir.r4.model.MetadataResource) source.resource()).getVersion(), source.file());
        }
    }
}
