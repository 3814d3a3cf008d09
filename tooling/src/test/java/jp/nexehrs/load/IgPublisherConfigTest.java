package jp.nexehrs.load;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.report.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sushi-config.yaml read into the one configuration record, in every form SUSHI documents, and its mistakes on their lines. */
class IgPublisherConfigTest {
    @TempDir
    Path dir;

    private ProjectConfig read(String yaml) throws Exception {
        Files.writeString(dir.resolve(IgPublisherConfig.FILE), yaml);
        return new IgPublisherConfig().read(dir.resolve(IgPublisherConfig.FILE));
    }

    private SourceException rejected(String yaml) throws Exception {
        Files.writeString(dir.resolve(IgPublisherConfig.FILE), yaml);
        SourceException e = assertThrows(SourceException.class, () -> new IgPublisherConfig().read(dir.resolve(IgPublisherConfig.FILE)));
        assertEquals(IgPublisherConfig.FILE, e.file());
        return e;
    }

    private static final String BASE = "id: a.b\ncanonical: http://x.org/fhir\nversion: 1.0.0\nfhirVersion: 4.0.1\n";

    @Test
    void theFixturesConfigIsTheRecordEveryStageReads() throws Exception {
        ProjectConfig config = new IgPublisherConfig().read(TestProjectsPaths.IG_LAYOUT.resolve(IgPublisherConfig.FILE));
        assertEquals("example.iglayout", config.id());
        assertEquals("0.1.0", config.version());
        assertEquals(new ProjectConfig.Title("IGレイアウトの例", "IGレイアウトの例"), config.title());
        assertEquals("例示作業部会", config.publisher());
        assertEquals("CC0-1.0", config.license());
        assertEquals(ProjectConfig.Layout.IG_PUBLISHER, config.layout());
        assertEquals(List.of(new ProjectConfig.Dependency("hl7.fhir.r4.core", "4.0.1", null)), config.dependencies());
        assertEquals(List.of("index.md", "guidance.md", "characters.md"), config.pagesInOrder().stream().map(ProjectConfig.Page::file).toList());
        assertEquals("文字コード", config.pages().get(1).pages().get(0).title());
        assertEquals(new ProjectConfig.MenuItem("ガイダンス", "", List.of(new ProjectConfig.MenuItem("概要", "guidance.html", List.of()),
                new ProjectConfig.MenuItem("文字コード", "characters.html", List.of()))), config.menu().get(1));
    }

    @Test
    void publisherAsAListFhirVersionAsAListAndDependencyObjects() throws Exception {
        ProjectConfig config = read("id: a.b\ncanonical: http://x.org/fhir\nversion: 1.0.0\nfhirVersion: [4.0.1]\nname: AB\n"
                + "publisher:\n  - name: 一\n  - name: 二\n    url: http://x\ndependencies:\n  c.d:\n    id: cd\n    uri: http://x/ig\n"
                + "    version: 2.0.0\n  e.f: 1.1.0\n");
        assertEquals("4.0.1", config.fhirVersion());
        assertEquals("一, 二", config.publisher());
        assertEquals("AB", config.title().ja(), "without a title, the name");
        assertEquals("draft", config.status(), "without a status, draft");
        assertEquals(List.of(new ProjectConfig.Dependency("c.d", "2.0.0", null), new ProjectConfig.Dependency("e.f", "1.1.0", null)),
                config.dependencies());
        assertEquals("", config.license());
    }

    @Test
    void sushisOwnKeysAreLeftToSushi() throws Exception {
        ProjectConfig config = read(BASE + "FSHOnly: false\nparameters:\n  apply-version: 'true'\ncopyrightYear: 2022+\n"
                + "extension:\n  - url: http://x\n    valueCode: y\n");
        assertEquals("a.b", config.id());
    }

    @Test
    void aMissingIdIsAnErrorNamingTheKey() throws Exception {
        SourceException e = rejected("canonical: http://x.org/fhir\nversion: 1.0.0\nfhirVersion: 4.0.1\n");
        assertTrue(e.getMessage().contains("'id' is missing"), e.getMessage());
    }

    @Test
    void aDependencyWithoutVersionIsAnErrorOnItsLine() throws Exception {
        SourceException e = rejected(BASE + "dependencies:\n  c.d:\n    uri: http://x\n");
        assertEquals(6, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("dependency c.d has no version"), e.getMessage());
    }

    @Test
    void aPageWithoutItsSettingsMappingIsAnErrorOnItsLine() throws Exception {
        SourceException e = rejected(BASE + "pages:\n  index.md:\n    title: ホーム\n  guide.md: ガイド\n");
        assertEquals(8, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("page guide.md must be followed by its settings"), e.getMessage());
    }

    @Test
    void aPublisherWithoutNameAndAnIdThatIsAListAreErrorsOnTheirLines() throws Exception {
        assertEquals(5, rejected(BASE + "publisher:\n  url: http://x\n").line(), "the line of publisher:");
        SourceException list = rejected("canonical: http://x.org/fhir\nid:\n  - a\n");
        assertEquals(2, list.line(), list.getMessage());
        assertTrue(list.getMessage().contains("'id' must be a single value"), list.getMessage());
    }

    @Test
    void aKeyGivenTwiceAndBrokenYamlAreErrorsOnTheirLines() throws Exception {
        assertEquals(5, rejected(BASE + "id: c.d\n").line());
        SourceException broken = rejected(BASE + "pages:\n  index.md:\n   title: [x\n");
        assertTrue(broken.getMessage().startsWith("not valid YAML"), broken.getMessage());
        assertFalse(broken.getMessage().contains("Exception"), broken.getMessage());
    }

    @Test
    void aFolderWithSushiConfigIsAProjectAndNexehrsYamlWinsBesideIt() throws Exception {
        Files.writeString(dir.resolve(IgPublisherConfig.FILE), BASE);
        Files.createDirectories(dir.resolve("input/pagecontent"));
        assertEquals(dir.toAbsolutePath().normalize(), ProjectLoader.locate(dir.resolve("input/pagecontent")));
        assertEquals(IgPublisherConfig.FILE, ProjectLoader.configFileOf(dir));
        Files.writeString(dir.resolve(ProjectLoader.CONFIG_FILE), "id: x\n");
        assertEquals(ProjectLoader.CONFIG_FILE, ProjectLoader.configFileOf(dir));
    }

    @Test
    void withoutSushiConfigIgIniAndItsImplementationGuideConfigureTheGuide() throws Exception {
        Files.writeString(dir.resolve("ig.ini"), "[IG]\nig = input/my-ig.json\ntemplate = fhir.base.template#current\n");
        Files.createDirectories(dir.resolve("input"));
        Files.writeString(dir.resolve("input/my-ig.json"), """
                {"resourceType": "ImplementationGuide", "id": "my-ig", "url": "http://x.org/fhir/ImplementationGuide/my-ig",
                 "packageId": "x.my", "version": "0.2.0", "fhirVersion": ["4.0.1"], "name": "My", "title": "私のガイド",
                 "status": "draft", "publisher": "私", "license": "CC0-1.0",
                 "dependsOn": [{"packageId": "c.d", "version": "1.0.0", "uri": "http://c/ig"}],
                 "definition": {"page": {"nameUrl": "toc.html", "title": "目次", "generation": "html",
                   "page": [{"nameUrl": "index.html", "title": "ホーム", "generation": "markdown"},
                            {"nameUrl": "guide.html", "title": "案内", "generation": "markdown",
                             "page": [{"nameUrl": "detail.html", "title": "詳細", "generation": "markdown"}]}]}}}
                """);
        assertEquals(dir.toAbsolutePath().normalize(), ProjectLoader.locate(dir));
        assertEquals("ig.ini", ProjectLoader.configFileOf(dir));
        ProjectConfig config = ProjectLoader.readConfig(dir);
        assertEquals("x.my", config.id());
        assertEquals("http://x.org/fhir", config.canonical());
        assertEquals("私のガイド", config.title().ja());
        assertEquals(List.of(new ProjectConfig.Dependency("c.d", "1.0.0", null)), config.dependencies());
        assertEquals(List.of("index.md", "guide.md", "detail.md"), config.pagesInOrder().stream().map(ProjectConfig.Page::file).toList());
        assertEquals(ProjectConfig.Layout.IG_PUBLISHER, config.layout());
        Files.writeString(dir.resolve("ig.ini"), "[IG]\nig = fsh-generated/resources/ImplementationGuide-x.json\n");
        SourceException generated = assertThrows(SourceException.class, () -> ProjectLoader.readConfig(dir));
        assertEquals("ig.ini:2", generated.file() + ":" + generated.line());
        assertTrue(generated.getMessage().contains("SUSHI writes it"), generated.getMessage());
    }

    @Test
    void theIgPublishersNamesOfArtifactPagesLeadToThisSitesWhateverItsNaming() {
        PagePaths lower = new PagePaths((type, id) -> type.toLowerCase() + "/" + id);
        assertEquals("structuredefinition/jp-patient.html#search", lower.ofIgPublisherName("StructureDefinition-jp-patient.html#search").orElseThrow());
        assertEquals("patient/example.json", lower.ofIgPublisherName("Patient-example.json").orElseThrow());
        assertTrue(lower.ofIgPublisherName("guide-general.html").isEmpty(), "a page of the guide");
        assertTrue(lower.ofIgPublisherName("http://hl7.org/fhir/R4/Patient-x.html").isEmpty(), "another site");
        assertEquals("guide-general.html", PagePaths.DEFAULT.documentPage("guide-general.md"));
        assertEquals("sub/03-x.html", PagePaths.DEFAULT.documentPage("sub/03-x.adoc"));
    }

    @Test
    void theCorpusGuidesConfigsAllRead() throws Exception {
        Path corpus = CorpusFixtures.jpCore().getParent();
        for (String guide : List.of("jp-core", "ips", "jp-eprescription", "jp-core-1.1.2/src-for-snapshot-package")) {
            ProjectConfig config = new IgPublisherConfig().read(corpus.resolve(guide).resolve(IgPublisherConfig.FILE));
            assertFalse(config.id().isEmpty(), guide);
            assertEquals(!guide.equals("ips"), !config.pages().isEmpty(), guide + ": IPS lets SUSHI list its pages");
        }
    }
}
