package jp.nexehrs.load;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Package dependencies of nexehrs.yaml: found offline, checked, and used to validate a derived profile's example. */
class DependencyLoaderTest {
    @TempDir
    Path temp;

    @Test
    void profileDerivedFromJpCoreDifferentialPackageValidatesItsExample() throws Exception {
        Path jpCore = CorpusFixtures.jpCore112();
        // The differential-only package: every JP Core snapshot must be generated before ours can be.
        Path project = projectDependingOn(jpCore.resolve("expected/tgz/jp-core.r4-1.1.2-diff.tgz"), "1.1.2");

        try (Toolkit toolkit = TestToolkits.of(2, 0)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.VALIDATE);
            List<Finding> errors = outcome.findings().stream().filter(Finding::isError).toList();
            assertEquals(List.of(), errors, "no errors expected, got:\n" + lines(errors));
        }
    }

    @Test
    void invalidExampleOfDerivedProfileFailsAgainstJpCoreRules() throws Exception {
        Path jpCore = CorpusFixtures.jpCore112();
        Path project = projectDependingOn(jpCore.resolve("expected/snapshot"), "1.1.2");
        // birthDate is required by our profile: removing it must give an error on the example
        Path example = project.resolve("profiles/examples/Patient-derived-yamada.json");
        Files.writeString(example, Files.readString(example).replace("\"birthDate\": \"1970-01-01\"", "\"active\": true"));

        try (Toolkit toolkit = TestToolkits.of(2, 0)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.VALIDATE);
            assertTrue(outcome.findings().stream().anyMatch(f -> f.isError() && f.file().endsWith("Patient-derived-yamada.json")
                            && f.fhirPath().contains("Patient")),
                    "expected an error on the example without birthDate, got:\n" + lines(outcome.findings()));
        }
    }

    @Test
    void everyMissingDependencyIsListedWithWhereItWasLookedFor() throws Exception {
        Path project = CorpusFixtures.copyProject("with-jp-core", temp.resolve("project"));
        Path emptyCache = Files.createDirectories(temp.resolve("cache"));
        DependencyLoader loader = new DependencyLoader(new PackageReader(new FhirEngine()), List.of(emptyCache));
        DependencyLoader.Dependencies dependencies = loader.load(project, List.of(
                new ProjectConfig.Dependency("jp-core.r4", "1.1.2", null),
                new ProjectConfig.Dependency("hl7.terminology.r4", "6.0.2", null)));
        assertEquals(List.of("jp-core.r4#1.1.2", "hl7.terminology.r4#6.0.2"), dependencies.missing().stream().map(MissingPackage::label).toList());
        MissingPackage first = dependencies.missing().get(0);
        assertTrue(first.line() > 0, "the line of the dependency in nexehrs.yaml");
        List<String> lookedIn = new ArrayList<>(List.of(emptyCache.resolve("jp-core.r4#1.1.2").toString()));
        DependencyLoader.standardPackageCaches().forEach(cache -> lookedIn.add(cache.resolve("jp-core.r4#1.1.2").toString()));
        assertEquals(lookedIn, first.lookedIn());
        assertTrue(dependencies.loaded().isEmpty());
    }

    @Test
    void missingPathIsReportedWithThePath() throws Exception {
        Path project = CorpusFixtures.copyProject("with-jp-core", temp.resolve("project"));
        DependencyLoader loader = new DependencyLoader(new PackageReader(new FhirEngine()), List.of());
        DependencyLoader.Dependencies dependencies = loader.load(project,
                List.of(new ProjectConfig.Dependency("jp-core.r4", "1.1.2", "deps/nothing.tgz")));
        assertTrue(dependencies.missing().get(0).lookedIn().get(0).contains("deps/nothing.tgz"), dependencies.missing().toString());
    }

    @Test
    void packageOfAnotherVersionIsRejected() {
        Path jpCore = CorpusFixtures.jpCore112();
        DependencyLoader loader = new DependencyLoader(new PackageReader(new FhirEngine()), List.of());
        SourceException e = assertThrows(SourceException.class, () -> loader.load(temp,
                List.of(new ProjectConfig.Dependency("jp-core.r4", "9.9.9", jpCore.resolve("expected/diff").toString()))));
        assertTrue(e.getMessage().contains("jp-core.r4#1.1.2"), e.getMessage());
    }

    @Test
    void packageCacheFolderIsSearchedAndNotModified() throws Exception {
        Path jpCore = CorpusFixtures.jpCore112();
        Path cache = Files.createDirectories(temp.resolve("cache"));
        copyTree(jpCore.resolve("expected/diff/package"), cache.resolve("jp-core.r4#1.1.2/package"));
        DependencyLoader loader = new DependencyLoader(new PackageReader(new FhirEngine()), List.of(cache));
        Files.writeString(temp.resolve(ProjectLoader.CONFIG_FILE), "dependencies:\n  - id: jp-core.r4\n");

        LoadedPackage loaded = loader.load(temp, List.of(new ProjectConfig.Dependency("jp-core.r4", "1.1.2", null))).loaded().get(0);
        assertEquals("jp-core.r4#1.1.2", loaded.label());
        assertEquals(89, loaded.conformance().stream().filter(r -> r.fhirType().equals("StructureDefinition")).count());
        assertTrue(Files.notExists(cache.resolve("jp-core.r4#1.1.2/package/.index.json")), "reading must not write into the package");
    }

    private Path projectDependingOn(Path packageLocation, String version) throws IOException {
        Path project = CorpusFixtures.copyProject("with-jp-core", temp.resolve("project"));
        Path config = project.resolve(ProjectLoader.CONFIG_FILE);
        Files.writeString(config, Files.readString(config).replace("version: 1.1.2", "version: " + version
                + "\n    path: " + packageLocation.toAbsolutePath()));
        return project;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) Files.copy(file, to.resolve(file.getFileName().toString()));
        }
    }

    private static String lines(List<Finding> findings) {
        return String.join("\n", findings.stream().map(Finding::toLine).toList());
    }
}
