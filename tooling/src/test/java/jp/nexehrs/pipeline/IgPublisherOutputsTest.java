package jp.nexehrs.pipeline;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What real guides' pages link to and hold beyond their own pages, as the IG Publisher's sites have it (found building
 * JP Core 1.2.0 and IPS 2.0.1): the zips of definitions and examples in JSON and XML are made; its other files (csvs.zip)
 * and links above the site's root are warnings, not errors in the guide; its profile sub-pages lead to the profile's
 * page; its template's {@code img.html} include is a figure; a FHIR R5 resource (an ActorDefinition) is left out with a
 * warning, and so are links to its page.
 */
class IgPublisherOutputsTest {
    @TempDir
    static Path dir;
    static Outcome outcome;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        TestProjects.write(root, "input/pagecontent/downloads.md", String.join("\n",
                "### ダウンロード",                                                   // 1
                "",                                                                   // 2
                "- [定義 JSON](definitions.json.zip) と [定義 XML](definitions.xml.zip)", // 3
                "- [例 JSON](examples.json.zip) と [例 XML](examples.xml.zip)",         // 4
                "- [CSV](csvs.zip)",                                                  // 5
                "- [パッケージ](../package.tgz)",                                       // 6
                "- [要素の定義](StructureDefinition-minimal-patient-definitions.html#Patient.name)", // 7
                "- [作成者](ActorDefinition-creator.html)",                             // 8
                "",                                                                   // 9
                "{% include img.html img=\"structure.png\" caption=\"図 1: 構造\" width=\"40%\" %}", // 10
                ""));
        TestProjects.write(root, "input/resources/ActorDefinition-creator.json",
                "{\"resourceType\": \"ActorDefinition\", \"id\": \"creator\", \"status\": \"active\", \"type\": \"system\"}\n");
        TestProjects.write(root, "input/resources/StructureDefinition-document-model.json", logicalModel("document-model",
                "http://hl7.org/fhir/StructureDefinition/Base"));
        TestProjects.write(root, "input/resources/StructureDefinition-section-model.json", logicalModel("section-model",
                "http://example.org/fhir/StructureDefinition/document-model"));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
        site = root.resolve("build/site");
    }

    private static String logicalModel(String id, String base) {
        String url = "http://example.org/fhir/StructureDefinition/" + id;
        return """
                {"resourceType": "StructureDefinition", "id": "%s", "url": "%s", "name": "M%s", "status": "draft",
                 "fhirVersion": "4.0.1", "kind": "logical", "abstract": false, "type": "%s", "baseDefinition": "%s",
                 "derivation": "specialization", "differential": {"element": [{"id": "%s", "path": "%s"}]}}
                """.formatted(id, url, id.replace("-", ""), url, base, id, id);
    }

    @Test
    void aLogicalModelOnR5sBaseAndOneDerivedFromItAreLeftOutWithAWarning() {
        for (String id : List.of("document-model", "section-model")) {
            List<Finding> onFile = TestProjects.on(outcome.findings(), "input/resources/StructureDefinition-" + id + ".json");
            assertEquals(1, onFile.size(), TestProjects.describe(onFile));
            assertEquals(Severity.WARNING, onFile.get(0).severity());
            assertTrue(onFile.get(0).message().endsWith("FHIR R5's Base, which FHIR R4 does not define: it is left out of the site"
                    + " and the package, not checked"), onFile.get(0).message());
            assertTrue(!Files.exists(site.resolve("StructureDefinition-" + id + ".html")));
        }
    }

    @Test
    void theGuideBuildsWithoutErrors() {
        assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(outcome.findings()));
    }

    @Test
    void theIgPublishersOtherFilesAndLinksAboveTheRootAreWarningsOnTheirLines() {
        List<Finding> onPage = TestProjects.on(outcome.findings(), "input/pagecontent/downloads.md");
        assertEquals(List.of(5, 6, 8), onPage.stream().map(Finding::line).toList(), TestProjects.describe(onPage));
        assertTrue(onPage.stream().allMatch(f -> f.severity() == Severity.WARNING), TestProjects.describe(onPage));
        assertTrue(onPage.get(0).message().contains("the IG Publisher's csvs.zip"), onPage.get(0).message());
        assertTrue(onPage.get(1).message().contains("outside the site's folder"), onPage.get(1).message());
        assertTrue(onPage.get(2).message().contains("FHIR R5 ActorDefinition"), onPage.get(2).message());
    }

    @Test
    void anR5ResourceIsLeftOutWithAWarningNamingIt() {
        List<Finding> onFile = TestProjects.on(outcome.findings(), "input/resources/ActorDefinition-creator.json");
        assertEquals(1, onFile.size(), TestProjects.describe(onFile));
        assertEquals(Severity.WARNING, onFile.get(0).severity());
        assertTrue(onFile.get(0).message().startsWith("ActorDefinition is a FHIR R5 resource"), onFile.get(0).message());
        assertTrue(!Files.exists(site.resolve("ActorDefinition-creator.html")));
    }

    @Test
    void theZipsHoldEveryDefinitionAndExampleInJsonAndXml() throws Exception {
        for (String[] zip : new String[][]{{"definitions.json.zip", "StructureDefinition-minimal-patient.json"},
                {"definitions.xml.zip", "StructureDefinition-minimal-patient.xml"}, {"examples.json.zip", "Patient-hanako.json"},
                {"examples.xml.zip", "Patient-hanako.xml"}}) {
            try (ZipFile archive = new ZipFile(site.resolve(zip[0]).toFile())) {
                assertNotNull(archive.getEntry(zip[1]), zip[0] + " holds " + zip[1]);
            }
        }
        try (ZipFile archive = new ZipFile(site.resolve("definitions.xml.zip").toFile())) {
            String xml = new String(archive.getInputStream(archive.getEntry("StructureDefinition-minimal-patient.xml")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(xml.contains("<StructureDefinition xmlns=\"http://hl7.org/fhir\">"), xml.substring(0, Math.min(200, xml.length())));
        }
    }

    @Test
    void aProfileSubPageLeadsToTheProfilesPageAndTheImageIncludeIsAFigure() throws Exception {
        Document page = Jsoup.parse(site.resolve("downloads.html").toFile(), "UTF-8");
        assertEquals(1, page.select("a[href=StructureDefinition-minimal-patient.html#views]").size(), page.select("main a").toString());
        assertEquals("図 1: 構造", page.select("figure.figure figcaption").text());
        assertEquals("structure.png", page.select("figure.figure img").attr("src"));
    }
}
