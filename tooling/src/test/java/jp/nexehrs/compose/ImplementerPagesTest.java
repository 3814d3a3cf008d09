package jp.nexehrs.compose;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What implementers used to the IG Publisher's pages look for, on this repository's site with one resource of each
 * other conformance kind added: usages, mappings, formal views and downloads on profile pages; core extensions linked
 * to their own pages; example titles from the resource; an artifact index by kind in Japanese; pages of search
 * parameters, capability statements, operation definitions, naming systems and concept maps; Japanese captions in
 * Japanese documents; QA counts that agree; icons drawn, not emoji.
 */
class ImplementerPagesTest {
    @TempDir
    static Path dir;
    static final Map<String, String> site = new HashMap<>();

    @BeforeAll
    static void composeTheSpecification() throws Exception {
        Path root = TestProjects.copyRepositorySpec(dir.resolve("spec"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/pages/other-kinds"))) {
            for (Path file : files.sorted().toList()) TestProjects.write(root, "profiles/other/" + file.getFileName(), Files.readString(file));
        }
        // A document that says it is English keeps Asciidoctor's English captions; without the governance records,
        // it needs no committee of its own.
        jp.nexehrs.util.Folders.deleteQuietly(root.resolve("governance"));
        TestProjects.write(root, "spec/99-english.adoc", "= English notes\n:lang: en\n:revnumber: 0.1.0\n:nexehrs-status: draft\n"
                + ":nexehrs-owner: 共用WG\n\n== Scope\n\nNOTE: An English note.\n");
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PREVIEW);
            assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(TestProjects.errors(outcome.findings())));
            outcome.products().siteFiles().forEach(file -> site.put(file.path(), new String(file.content(), StandardCharsets.UTF_8)));
        }
    }

    private static Document page(String path) {
        String html = site.get(path);
        assertNotNull(html, "no page " + path + " among " + site.size());
        return Jsoup.parse(html);
    }

    @Test
    void aProfilePageShowsItsUsagesMappingsFormalViewsAndDownloads() {
        Document page = page("StructureDefinition-nexehrs-patient.html");
        Element usages = page.selectFirst("dl.usages");
        assertNotNull(usages, "a Usages section");
        assertTrue(usages.select("a[href=StructureDefinition-nexehrs-sharing-consent.html]").size() == 1, "profiles that refer to it");
        assertTrue(usages.select("a[href=Patient-yamada-taro.html]").size() == 1, "examples that claim it");
        assertTrue(usages.select("a[href=02-person-centred-record.html]").size() == 1, "documents that link to it");

        Element rim = page.selectFirst("details.mapping#mapping-rim");
        assertNotNull(rim, "the base's RIM mapping carried by the snapshot");
        assertTrue(rim.select("tbody tr").size() > 10, rim.text());

        assertFalse(page.select("#formal-json pre.code span.k").isEmpty(), "the JSON, highlighted");
        assertTrue(page.selectFirst("#formal-json pre").wholeText().contains("\"url\": \"http://nexehrs.jp/fhir/StructureDefinition/nexehrs-patient\""));
        assertFalse(page.select("#formal-xml pre.code span.t").isEmpty(), "the XML, highlighted");
        assertEquals(List.of("StructureDefinition-nexehrs-patient.json", "StructureDefinition-nexehrs-patient.xml"),
                page.select("dd.downloads a[download]").eachAttr("href"));

        assertEquals(1, page.select("p.note-english").size(), "one note why core descriptions stay English");
        assertEquals("差分で定める要素 In the differential: 必須 mandatory 9、必須サポート must support 10、固定値・パターン fixed 2、禁止 prohibited 0。",
                page.selectFirst("p.profile-summary").text(), "the text summary's figures");
        assertEquals(List.of("Patient.identifier:personRecordId", "Patient.identifier:insuredPersonId", "Patient.name.extension:representation"),
                page.select("p.profile-slices code").eachText());
        assertEquals("https://hl7.org/fhir/R4/extension-iso21090-en-representation.html",
                page.selectFirst("a:containsOwn(iso21090-EN-representation)").attr("href"), "a core extension links to its own page");
        for (Element key : page.select("table.constraints td.key")) assertFalse(key.text().contains(" "), key.text());
    }

    @Test
    void anExampleIsTitledFromTheResourceAndShownHighlighted() {
        Document patient = page("Patient-yamada-taro.html");
        assertEquals("山田 太郎 Patient/yamada-taro (例 Example)", patient.selectFirst("h1").text(), "a person's name");
        Document organization = page("Organization-custodian-east.html");
        assertTrue(organization.selectFirst("h1").text().startsWith("一般社団法人 東日本健康記録保管機構 Organization/custodian-east"));
        Document consent = page("Consent-refusal-sato-all.html");
        assertTrue(consent.selectFirst("h1").text().startsWith("佐藤 花子さんが"), "the narrative's first line: " + consent.selectFirst("h1").text());
        Document bundle = page("Bundle-record-sato.html");
        assertTrue(bundle.selectFirst("h1").text().startsWith("Bundle/record-sato"), "nothing to name it: Type/id");
        assertFalse(patient.select("#formal-json span.s").isEmpty());
        assertFalse(patient.select("#formal-xml span.a").isEmpty());
        assertEquals("山田 太郎", page("artifacts.html").selectFirst("main a[href=Patient-yamada-taro.html]").text(), "titled in the index too");
    }

    @Test
    void theArtifactIndexGroupsByKindInJapaneseWithDescriptions() {
        Document index = page("artifacts.html");
        List<String> headings = index.select("main h2").eachText();
        assertEquals(List.of("プロファイル Profiles", "拡張 Extensions", "値集合 Value sets", "コードシステム Code systems", "概念マップ Concept maps",
                "命名システム Naming systems", "検索パラメータ Search parameters", "操作定義 Operation definitions", "機能宣言 Capability statements",
                "例 Examples"), headings);
        Element extensions = index.getElementById("extensions").nextElementSibling();
        assertFalse(extensions.select("a[href=StructureDefinition-nexehrs-refusal-scope.html]").isEmpty(), "extensions apart");
        assertTrue(extensions.select("a[href=StructureDefinition-nexehrs-patient.html]").isEmpty(), "profiles are not extensions");
        Element patientRow = index.selectFirst("main a[href=StructureDefinition-nexehrs-patient.html]").closest("tr");
        assertFalse(patientRow.select("td").get(1).text().isBlank(), "each with its description");
    }

    @Test
    void theOtherConformanceKindsHavePagesOfTheirOwn() {
        Document parameter = page("SearchParameter-nexehrs-record-id.html");
        assertTrue(parameter.text().contains("Patient.identifier.where(system='http://nexehrs.jp/fhir/sid/person-record-id')"));
        assertEquals("record-id", parameter.selectFirst("dt:containsOwn(コード) + dd code").text());
        assertEquals("token", parameter.selectFirst("dt:containsOwn(型) + dd code").text());
        Document capability = page("CapabilityStatement-nexehrs-record-server.html");
        Element patientRow = capability.selectFirst("table.capability-resources tr[id$=Patient]");
        assertNotNull(patientRow);
        assertEquals("SearchParameter-nexehrs-record-id.html", patientRow.selectFirst("a:has(code:containsOwn(record-id))").attr("href"));
        assertEquals("StructureDefinition-nexehrs-patient.html", patientRow.select("td").get(1).selectFirst("a").attr("href"));
        assertTrue(patientRow.text().contains("SHALL"), "the expectation extension");
        Document operation = page("OperationDefinition-nexehrs-record-export.html");
        assertEquals(List.of("since", "return"), operation.select("table.parameters tbody td:first-child code").eachText());
        assertTrue(operation.text().contains("$record-export"));
        Document naming = page("NamingSystem-nexehrs-person-record-id.html");
        assertEquals(2, naming.select("table.unique-ids tbody tr").size());
        Document map = page("ConceptMap-nexehrs-activity-to-provenance.html");
        assertEquals(List.of("backup-copy", "restore"), map.select("table.concept-map tbody td:first-child code").eachText());
        assertEquals("CodeSystem-nexehrs-record-activity.html", map.selectFirst("main h3 a").attr("href"), "the project's code system is linked");
        for (String kind : List.of("SearchParameter-nexehrs-record-id", "CapabilityStatement-nexehrs-record-server",
                "OperationDefinition-nexehrs-record-export", "NamingSystem-nexehrs-person-record-id", "ConceptMap-nexehrs-activity-to-provenance")) {
            Document each = page(kind + ".html");
            assertFalse(each.select("#formal-json span.k").isEmpty(), kind + " has its formal views");
            assertEquals(2, each.select("dd.downloads a[download]").size(), kind + " has its downloads");
        }
    }

    @Test
    void japaneseDocumentsHaveJapaneseCaptionsAndEnglishOnesKeepTheirs() {
        Document japanese = page("02-person-centred-record.html");
        assertEquals(List.of("注記", "重要", "警告"), japanese.select(".admonitionblock td.icon .title").eachText().stream().distinct().toList());
        assertEquals(List.of("Note"), page("99-english.html").select(".admonitionblock td.icon .title").eachText());
    }

    @Test
    void theQaCountsAgreeWithTheFooterAndTheListedRows() {
        Document qa = page("qa.html");
        int accepted = qa.select("tr[data-severity=accepted]").size();
        assertTrue(accepted > 0);
        assertEquals(String.valueOf(accepted), qa.selectFirst(".qa-counts .count-accepted strong").text());
        assertEquals(String.valueOf(qa.select("tr[data-severity=warning]").size()), qa.selectFirst(".qa-counts .count-warning strong").text());
        assertEquals(String.valueOf(qa.select("tr[data-severity=error]").size()), qa.selectFirst(".qa-counts .count-error strong").text());
        assertTrue(page("index.html").selectFirst("footer").text().contains("承認済みの警告 " + accepted), "the footer says the same");
    }

    @Test
    void iconsAreDrawnNotEmoji() {
        Document document = page("03-sharing.html");
        Element comment = document.selectFirst("a.comment-link");
        assertNotNull(comment.selectFirst("svg[aria-hidden=true]"));
        assertFalse(site.values().stream().anyMatch(html -> html.contains("💬") || html.contains("☰")), "no emoji or symbol-font glyphs");
    }
}
