package jp.nexehrs.load;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the load stage accepts into a project and what it turns into findings, on the minimal fixture with one
 * problem added at a time; the rest of the project still loads.
 */
class ProjectContentTest {
    private static FhirEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        engine = new FhirEngine();
    }

    private Project load(Path root) throws Exception {
        return new ProjectLoader(engine).load(root);
    }

    private static List<Finding> on(Project project, String file) {
        return TestProjects.on(project.findings(), file);
    }

    @Test
    void aResourceWithoutAnIdIsAnErrorExceptAnInvalidExample() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "profiles/examples/Patient-noid.json", "{\"resourceType\": \"Patient\"}");
        TestProjects.write(root, "profiles/invalid/Patient-noid.json", "{\"resourceType\": \"Patient\"}");
        Project project = load(root);
        List<Finding> findings = on(project, "profiles/examples/Patient-noid.json");
        assertEquals(1, findings.size(), describe(project.findings()));
        assertEquals("the Patient has no id: every resource of the guide needs one", findings.get(0).message());
        assertEquals(List.of(), on(project, "profiles/invalid/Patient-noid.json"), "an invalid example may lack anything");
        assertTrue(project.resources().stream().anyMatch(r -> r.file().equals("profiles/invalid/Patient-noid.json")
                && r.id().isEmpty() && r.role() == FhirSource.Role.INVALID_EXAMPLE));
        assertEquals(6, project.resources().size(), "the fixture's five and the invalid example");
    }

    @Test
    void anInstanceAmongTheConformanceResourcesIsAnExample() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "profiles/Patient-stray.json", "{\"resourceType\": \"Patient\", \"id\": \"stray\"}");
        TestProjects.write(root, "profiles/NamingSystem-ns.json", """
                {"resourceType": "NamingSystem", "id": "ns", "name": "Ns", "status": "active", "kind": "identifier",
                 "date": "2026-01-01", "uniqueId": [{"type": "uri", "value": "http://example.org/ns"}]}
                """);
        Project project = load(root);
        // Real guides keep instances beside their profiles (the IG Publisher's input/resources): the type decides.
        assertEquals(List.of(), on(project, "profiles/Patient-stray.json"), describe(project.findings()));
        assertEquals(FhirSource.Role.EXAMPLE, project.resources().stream().filter(r -> r.id().equals("stray")).findFirst().orElseThrow().role());
        assertEquals(List.of(), on(project, "profiles/NamingSystem-ns.json"), "other conformance types are welcome");
        FhirSource namingSystem = project.resources().stream().filter(r -> r.resourceType().equals("NamingSystem")).findFirst().orElseThrow();
        assertEquals("", namingSystem.url(), "a NamingSystem has no url element");
    }

    @Test
    void uppercaseSuffixesAreFoundAndOtherFilesIgnored() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "profiles/examples/Patient-upper.JSON", "{\"resourceType\": \"Patient\", \"id\": \"upper\"}");
        TestProjects.write(root, "profiles/examples/notes.txt", "not a resource");
        TestProjects.write(root, "spec/notes.txt", "not a document");
        TestProjects.write(root, "spec/02-Upper.ADOC", "= 大文字\n");
        Files.createDirectories(root.resolve("profiles/examples/folder.json"));
        Files.createDirectories(root.resolve("spec/folder.adoc"));
        Project project = load(root);
        assertEquals(List.of(), project.findings(), "folders named like files are not files: " + describe(project.findings()));
        assertTrue(project.governance().isEmpty(), "no governance/ folder: empty records, not none");
        assertTrue(project.resources().stream().anyMatch(r -> r.file().equals("profiles/examples/Patient-upper.JSON")),
                describe(project.findings()));
        assertEquals(6, project.resources().size());
        assertEquals(List.of("spec/01-intro.adoc", "spec/02-Upper.ADOC"), project.documents().stream().map(DocumentSource::file).toList());
    }

    @Test
    void aDocumentOrResourceLinkedFromOutsideIsReportedAndNotRead() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        Path outside = Files.writeString(dir.resolve("outside.adoc"), "= 外\n");
        Path outsideJson = Files.writeString(dir.resolve("outside.json"), "{\"resourceType\": \"Patient\", \"id\": \"out\"}");
        Files.createSymbolicLink(root.resolve("spec/02-leak.adoc"), outside);
        Files.createSymbolicLink(root.resolve("profiles/examples/Patient-leak.json"), outsideJson);
        Project project = load(root);
        assertEquals(List.of("spec/01-intro.adoc"), project.documents().stream().map(DocumentSource::file).toList());
        assertTrue(project.resources().stream().noneMatch(r -> r.file().contains("leak")));
        assertEquals(1, on(project, "spec/02-leak.adoc").size(), describe(project.findings()));
        assertEquals(1, on(project, "profiles/examples/Patient-leak.json").size(), describe(project.findings()));
    }

    @Test
    void aBrokenInvalidExampleManifestOrGovernanceRecordIsAFindingAndTheRestLoads() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        TestProjects.write(root, "profiles/invalid/manifest.yaml", "- file: x.json\n  reason: r\n  colour: red\n  expect: {message: m}\n");
        TestProjects.write(root, "governance/members.yaml", "members: {\n");
        Project project = load(root);
        List<Finding> manifest = on(project, ProjectLoader.INVALID_MANIFEST_FILE);
        assertEquals(1, manifest.size(), describe(project.findings()) + describe(manifest));
        assertEquals(3, manifest.get(0).line(), "the unknown key's line");
        assertEquals(List.of(), project.invalidExpectations());
        assertEquals(1, on(project, "governance/members.yaml").size(), describe(project.findings()));
        assertTrue(project.governance().isEmpty());
        assertEquals(1, project.documents().size());
    }

    @Test
    void withoutAManifestThereAreNoExpectationsAndWithoutATemplateFolderTheBuiltInOneIsUsed() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        Files.delete(root.resolve("profiles/invalid/manifest.yaml"));
        Project project = load(root);
        assertEquals(List.of(), project.invalidExpectations());
        assertTrue(Files.isRegularFile(project.template().templates().resolve("layout.ftlh")), project.template().toString());
        assertTrue(Files.isDirectory(project.template().assets()));

        Files.createDirectories(root.resolve(ProjectLoader.TEMPLATE_DIR));
        assertEquals(root.resolve(ProjectLoader.TEMPLATE_DIR), load(root).template().root(), "the project's own template");
    }

    @Test
    void historyThatGitCouldNotGiveIsAWarningSayingWhy() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        Project project = new ProjectLoader(engine).load(root, FileHistory.unavailable("this is a shallow clone"));
        List<Finding> warnings = on(project, "");
        assertEquals(1, warnings.size(), describe(project.findings()));
        assertFalse(warnings.get(0).isError());
        assertEquals("the pages show no last-change dates: this is a shallow clone", warnings.get(0).message());
        assertEquals(FileHistory.NONE, ProjectLoader.workingTreeHistory(root), "outside Git: no dates and nothing to say");
    }

    @Test
    void aResourceOverTheSizeLimitIsRefusedUnread() throws Exception {
        Path root = TestProjects.copyMinimal(dir);
        Path huge = root.resolve("profiles/examples/Patient-huge.json");
        try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[]{' '}), ProjectLoader.MAX_RESOURCE_BYTES); // sparse: one byte over
        }
        Project project = load(root);
        List<Finding> findings = on(project, "profiles/examples/Patient-huge.json");
        assertEquals(1, findings.size(), describe(project.findings()));
        assertEquals("the file is 16 MB; resources in a specification are limited to 16 MB", findings.get(0).message());
        Files.delete(huge);
        try (var channel = java.nio.channels.FileChannel.open(huge, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[]{' '}), ProjectLoader.MAX_RESOURCE_BYTES - 1); // exactly the limit
        }
        List<Finding> atLimit = on(load(root), "profiles/examples/Patient-huge.json");
        assertTrue(atLimit.stream().noneMatch(f -> f.message().contains("limited to")), describe(atLimit));
    }

    @Test
    void aFileOutsideTheProjectIsReadByItsNameAndOnlyJsonOrXmlIsAResource() throws Exception {
        ProjectLoader loader = new ProjectLoader(engine);
        FhirSource source = loader.read("mine/Patient-a.json",
                "{\"resourceType\": \"Patient\", \"id\": \"a\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                FhirSource.Role.EXAMPLE);
        assertEquals("Patient-a", source.key());
        assertEquals("a", source.resource().getIdElement().getIdPart());
        assertEquals("mine/Patient-a.json", source.file());
        jp.nexehrs.report.SourceException e = org.junit.jupiter.api.Assertions.assertThrows(jp.nexehrs.report.SourceException.class,
                () -> loader.read("mine/Patient-a.txt", new byte[]{'{', '}'}, FhirSource.Role.EXAMPLE));
        assertEquals("not a .json or .xml file", e.getMessage());
        assertEquals("mine/Patient-a.txt", e.file());
    }

    @Test
    void theWorkingTreesHistoryComesFromGitAndAShallowCloneSaysWhy() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("repo"));
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            org.eclipse.jgit.lib.PersonIdent ident = new org.eclipse.jgit.lib.PersonIdent("編集者", "editor@example.org");
            git.commit().setMessage("first").setAuthor(ident).setCommitter(ident).setSign(false).call();
        }
        FileHistory history = ProjectLoader.workingTreeHistory(root);
        assertTrue(history.lastChange("spec/01-intro.adoc").isPresent(), history.toString());
        assertTrue(history.unavailableBecause().isEmpty());
        Files.writeString(root.resolve(".git/shallow"), "0000000000000000000000000000000000000000\n");
        FileHistory shallow = ProjectLoader.workingTreeHistory(root);
        assertTrue(shallow.lastChanges().isEmpty());
        assertTrue(shallow.unavailableBecause().orElseThrow().contains("shallow clone"), shallow.toString());
    }

    @Test
    void aDocumentKnowsTheProjectItBelongsTo() {
        Path root = dir.resolve("project");
        DocumentSource deep = new DocumentSource("spec/guides/02-deep.adoc", root.resolve("spec/guides/02-deep.adoc"), "guides/02-deep.html", "");
        assertEquals(root, deep.projectRoot());
        assertEquals(root, new DocumentSource("spec/01.adoc", root.resolve("spec/01.adoc"), "01.html", "").projectRoot());
    }
}
