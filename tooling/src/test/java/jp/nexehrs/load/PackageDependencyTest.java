package jp.nexehrs.load;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.report.SourceException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dependencies of nexehrs.yaml resolved offline from a small package we write: by path (folder or .tgz), from a
 * package folder, and every failure an error on nexehrs.yaml at the dependency's line.
 */
class PackageDependencyTest {
    private static final String PACKAGE_JSON = "{\"name\": \"example.dep\", \"version\": \"1.0.0\", \"fhirVersions\": [\"4.0.1\"]}";
    private static final String PROFILE = """
            {"resourceType": "StructureDefinition", "id": "dep-patient", "url": "http://example.org/dep/StructureDefinition/dep-patient",
             "name": "DepPatient", "status": "active", "kind": "resource", "abstract": false, "type": "Patient",
             "baseDefinition": "http://hl7.org/fhir/StructureDefinition/Patient", "derivation": "constraint",
             "differential": {"element": [{"id": "Patient", "path": "Patient"}]}}
            """;
    private static final String VALUE_SET = """
            {"resourceType": "ValueSet", "id": "dep-codes", "url": "http://example.org/dep/ValueSet/dep-codes", "status": "active"}
            """;
    private static FhirEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = new FhirEngine();
    }

    private Path packageFolder(Path folder, String packageJson) throws Exception {
        Files.createDirectories(folder.resolve("package"));
        Files.writeString(folder.resolve("package/package.json"), packageJson);
        Files.writeString(folder.resolve("package/StructureDefinition-dep-patient.json"), PROFILE);
        Files.writeString(folder.resolve("package/ValueSet-dep-codes.json"), VALUE_SET);
        Files.writeString(folder.resolve("package/Patient-example.json"), "{\"resourceType\": \"Patient\", \"id\": \"example\"}");
        return folder;
    }

    private Path project(String dependencyLines) throws Exception {
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve(ProjectLoader.CONFIG_FILE), "id: a.b\nversion: 1.0.0\ndependencies:\n" + dependencyLines);
        return project;
    }

    private static DependencyLoader loader(List<Path> folders) {
        return new DependencyLoader(new PackageReader(engine), folders);
    }

    private static List<String> urls(LoadedPackage loaded) {
        return loaded.conformance().stream().map(PackageDependencyTest::url).sorted().toList();
    }

    private static String url(IBaseResource resource) {
        return engine.context().newTerser().getSinglePrimitiveValueOrNull(resource, "url");
    }

    @Test
    void aFolderGivenByPathIsReadWithItsConformanceResourcesOnlyAndLeftUnchanged() throws Exception {
        Path project = project("  - id: example.dep\n    version: 1.0.0\n    path: deps/example\n");
        packageFolder(project.resolve("deps/example"), PACKAGE_JSON);
        List<LoadedPackage> loaded = loader(List.of()).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", "deps/example"))).loaded();
        assertEquals(1, loaded.size());
        assertEquals("example.dep#1.0.0", loaded.get(0).label());
        assertEquals(List.of("http://example.org/dep/StructureDefinition/dep-patient", "http://example.org/dep/ValueSet/dep-codes"),
                urls(loaded.get(0)), "the Patient example is not a conformance resource");
        assertTrue(Files.notExists(project.resolve("deps/example/package/.index.json")), "reading must not write into the package");
    }

    @Test
    void aTgzGivenByPathIsRead() throws Exception {
        Path project = project("  - id: example.dep\n");
        Path tgz = tgz(packageFolder(dir.resolve("source"), PACKAGE_JSON), project.resolve("example.dep-1.0.0.tgz"));
        LoadedPackage loaded = loader(List.of()).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", tgz.getFileName().toString()))).loaded().get(0);
        assertEquals(2, loaded.conformance().size());
        assertEquals(project.resolve("example.dep-1.0.0.tgz").normalize().toString(), loaded.origin());
    }

    @Test
    void aPackageFolderIsSearchedInOrderWhenThereIsNoPath() throws Exception {
        Path project = project("  - id: example.dep\n");
        Path empty = Files.createDirectories(dir.resolve("empty-cache"));
        Path cache = Files.createDirectories(dir.resolve("cache"));
        packageFolder(cache.resolve("example.dep#1.0.0"), PACKAGE_JSON);
        Files.createDirectories(empty.resolve("example.dep#1.0.0")); // a folder without package/package.json is not it
        LoadedPackage loaded = loader(List.of(empty, cache)).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", " "))).loaded().get(0);
        assertEquals("example.dep", loaded.id());
        assertEquals("1.0.0", loaded.version());
    }

    @Test
    void aMissingPackageSaysWhereItLookedAtTheDependencysLine() throws Exception {
        Path project = project("  - id: other.dep\n  - id: example.dep\n");
        Path cache = Files.createDirectories(dir.resolve("cache"));
        MissingPackage missing = loader(List.of(cache)).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", null))).missing().get(0);
        assertEquals(ProjectLoader.CONFIG_FILE, missing.file());
        assertEquals(5, missing.line());
        assertEquals("example.dep#1.0.0", missing.label());
        List<String> lookedIn = new ArrayList<>(List.of(cache.resolve("example.dep#1.0.0").toString()));
        DependencyLoader.standardPackageCaches().forEach(standard -> lookedIn.add(standard.resolve("example.dep#1.0.0").toString()));
        assertEquals(lookedIn, missing.lookedIn());
    }

    @Test
    void aPathThatDoesNotExistIsNamed() throws Exception {
        Path project = project("  - id: example.dep\n");
        MissingPackage missing = loader(List.of()).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", "deps/none.tgz"))).missing().get(0);
        assertEquals(4, missing.line());
        assertEquals(List.of(project.resolve("deps/none.tgz").normalize() + " (its 'path')"), missing.lookedIn());
    }

    @Test
    void aPackageOfAnotherNameOrVersionIsRejected() throws Exception {
        Path project = project("  - id: example.dep\n");
        packageFolder(project.resolve("deps/example"), PACKAGE_JSON);
        for (ProjectConfig.Dependency wrong : List.of(new ProjectConfig.Dependency("example.dep", "2.0.0", "deps/example"),
                new ProjectConfig.Dependency("example.other", "1.0.0", "deps/example"))) {
            SourceException e = assertThrows(SourceException.class, () -> loader(List.of()).load(project, List.of(wrong)));
            assertTrue(e.getMessage().contains("is example.dep#1.0.0 according to its package/package.json"), e.getMessage());
        }
    }

    @Test
    void aFolderWithoutPackageJsonOrABrokenResourceIsAnErrorNamingIt() throws Exception {
        Path project = project("  - id: example.dep\n");
        Files.createDirectories(project.resolve("deps/bare"));
        SourceException bare = assertThrows(SourceException.class, () -> loader(List.of()).load(project,
                List.of(new ProjectConfig.Dependency("example.dep", "1.0.0", "deps/bare"))));
        assertTrue(bare.getMessage().contains("not a FHIR package folder: it has no package/package.json"), bare.getMessage());
        assertEquals(4, bare.line());

        Path broken = packageFolder(project.resolve("deps/broken"), PACKAGE_JSON);
        Files.writeString(broken.resolve("package/ValueSet-dep-codes.json"), "{\"resourceType\": \"ValueSet\", \"id\": \"dep-codes\", \"status\": 7");
        SourceException e = assertThrows(SourceException.class, () -> new PackageReader(engine).read(broken));
        assertTrue(e.file().startsWith(broken.toString()), e.file());
    }

    @Test
    void aFileThatIsNotAPackageIsAnError() throws Exception {
        Path notTgz = Files.writeString(dir.resolve("not.tgz"), "plain text");
        SourceException e = assertThrows(SourceException.class, () -> new PackageReader(engine).read(notTgz));
        assertEquals(notTgz.toString(), e.file());
        assertTrue(e.getMessage().startsWith("not a readable .tgz package: "), e.getMessage());
        SourceException absent = assertThrows(SourceException.class, () -> new PackageReader(engine).read(dir.resolve("absent.tgz")));
        assertTrue(absent.getMessage().contains("no such FHIR package file or folder"), absent.getMessage());
    }

    private static Path tgz(Path folder, Path target) throws Exception {
        try (OutputStream file = Files.newOutputStream(target);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            for (String name : List.of("package.json", "StructureDefinition-dep-patient.json", "ValueSet-dep-codes.json")) {
                byte[] content = Files.readString(folder.resolve("package").resolve(name)).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("package/" + name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return target;
    }
}
