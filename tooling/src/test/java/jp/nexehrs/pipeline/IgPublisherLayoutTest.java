package jp.nexehrs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide in the IG Publisher's layout ({@code projects/ig-layout}: sushi-config.yaml, input/resources, input/vocabulary,
 * input/examples, Japanese Markdown pages with a table, links, a Liquid include and highlight, an intro and notes, an
 * image) builds unchanged into a site: no nexehrs.yaml, no edits.
 */
class IgPublisherLayoutTest {
    @TempDir
    static Path dir;
    static Outcome outcome;
    static Path site;

    @BeforeAll
    static void build() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
        site = root.resolve("build/site");
    }

    @Test
    void theGuideBuildsWithoutErrorsOrWarningsOnItsPages() {
        assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(outcome.findings()));
        List<Finding> onPages = outcome.findings().stream().filter(f -> f.file().startsWith("input/")
                && !f.file().endsWith(".json") && f.severity() != Severity.INFORMATION).toList();
        assertEquals(List.of(), onPages, TestProjects.describe(onPages));
    }

    @Test
    void theIdentityComesFromSushiConfig() throws Exception {
        Path archive = dir.resolve("guide/build/package/example.iglayout-0.1.0.tgz");
        assertTrue(Files.isRegularFile(archive), "the package is named after sushi-config.yaml's id and version");
        Document home = page("index.html");
        assertTrue(home.title().contains("IGレイアウトの例"), home.title());
        assertTrue(home.select("footer").text().contains("例示作業部会"), "the publisher's name, from its object form");
    }

    @Test
    void theMarkdownHomePageIsTheBodyOfTheSitesHome() throws Exception {
        Document home = page("index.html");
        assertTrue(home.select(".home-document").text().contains("患者の基本情報を交換する"), home.select("main").html());
        assertTrue(home.select(".home-document").text().contains("http://hl7.org/fhir/R4/ の FHIR R4"),
                "site.data.fhir.path is the R4 specification: " + home.select(".home-document").text());
        assertEquals("example.iglayout-0.1.0.tgz", home.select(".home-document a:contains(パッケージ)").attr("href"),
                "the IG Publisher's package.tgz is the project's package");
    }

    @Test
    void pagesFollowTheOrderAndTitlesOfPagesInSushiConfig() throws Exception {
        Document guidance = page("guidance.html");
        assertEquals("ガイダンス", guidance.selectFirst("article h1").text());
        List<String> sidebar = guidance.select("ul.nav-documents > li > details > summary > a, ul.nav-documents > li > a").eachText();
        assertEquals(List.of("ホーム", "ガイダンス", "文字コード"), sidebar, "pages: order, nested page after its parent");
        assertEquals(List.of("ホーム", "概要", "文字コード", "成果物"), guidance.select("ul.nav-menu a").eachText(), "the guide's menu:");
        assertEquals("characters.html", guidance.select("ul.nav-menu details a").get(1).attr("href"));
    }

    @Test
    void markdownBecomesTheSameShapeAsAsciiDoc() throws Exception {
        Document guidance = page("guidance.html");
        assertNotNull(guidance.selectFirst("div.sect1 > h2#必須項目"), "### is the page's first section level, an h2 with an id");
        assertNotNull(guidance.selectFirst("div.sect1 div.sect2 > h3#氏名の書き方"), "#### nests under it");
        assertEquals(List.of("項目", "多重度", "説明"), guidance.select(".document-body table th").eachText(), "a GitHub table");
        assertNotNull(guidance.selectFirst(".document-body del"), "strikethrough");
        assertEquals("ValueSet-minimal-marital-status.html", guidance.select(".document-body a:contains(婚姻状況の値セット)").attr("href"),
                "a reference link defined in an included file");
        assertFalse(guidance.html().contains("{%") || guidance.html().contains("{{"), "no Liquid reaches the page");
        Document characters = page("characters.html");
        assertEquals("json", characters.select("pre code").attr("class").replace("language-", ""), "{% highlight json %} is a code block");
        assertEquals("structure.png", characters.select(".document-body img").attr("src"));
        assertTrue(Files.isRegularFile(site.resolve("structure.png")), "input/images is served at the site root");
    }

    @Test
    void theIntroIsAboveTheProfilesViewsAndTheNotesBelow() throws Exception {
        Document profile = page("StructureDefinition-minimal-patient.html");
        String main = profile.select("main").html();
        int intro = main.indexOf("このプロファイルは日本の患者を表します");
        int notes = main.indexOf("氏名は漢字で記録します");
        int table = main.indexOf("<table");
        assertTrue(intro > 0 && table > intro && notes > table, "intro, then the views, then the notes: " + intro + " " + table + " " + notes);
    }

    @Test
    void theSearchIndexCoversTheMarkdownSections() throws Exception {
        JsonNode index = new ObjectMapper().readTree(site.resolve("search-index.json").toFile());
        assertTrue(index.toString().contains("guidance.html#必須項目"), "a section of a Markdown page has its own entry");
    }

    @Test
    void aBrokenLinkInMarkdownIsAnErrorOnItsLine() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("broken"));
        Path page = root.resolve("input/pagecontent/characters.md");
        Files.writeString(page, Files.readString(page) + "\n[行き先のない](StructureDefinition-nowhere.html)\n\n{% include missing.md %}\n");
        Outcome broken;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            broken = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PREVIEW);
        }
        List<Finding> errors = TestProjects.errors(broken.findings());
        assertTrue(errors.stream().anyMatch(f -> f.file().equals("input/pagecontent/characters.md") && f.line() == 11
                && f.message().contains("StructureDefinition-nowhere.html")), TestProjects.describe(errors));
        assertTrue(errors.stream().anyMatch(f -> f.file().equals("input/pagecontent/characters.md") && f.line() == 13
                && f.message().contains("{% include missing.md %} names a file that input/includes/ does not have")), TestProjects.describe(errors));
    }

    @Test
    void xhtmlPagesAndIntrosAsTheIgPublisherWritesThemBuildAsMarkdownOnesDo() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("xhtml"));
        Files.writeString(root.resolve("input/pagecontent/history.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <div xmlns="http://www.w3.org/1999/xhtml" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                  <h3>改訂履歴</h3>
                  <p>{{site.data.fhir.path}} に基づく。<a href="StructureDefinition-minimal-patient.html">患者プロファイル</a>を参照。</p>
                  <h4>第1版</h4>
                  <table><tr><th>版</th><th>日付</th></tr><tr><td>0.1.0</td><td>2025-01-01</td></tr></table>
                </div>
                """);
        // Listed as .md (as an ImplementationGuide's .html address is read), written as .xml: the same page.
        Path config = root.resolve("sushi-config.yaml");
        Files.writeString(config, Files.readString(config).replace("pages:\n", "pages:\n  history.md:\n    title: 改訂の記録\n"));
        Files.writeString(root.resolve("input/intro-notes/ValueSet-minimal-marital-status-intro.xml"),
                "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>婚姻状況を<b>一つ</b>選びます。</p></div>\n");
        Outcome built;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            built = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
        List<Finding> onThem = built.findings().stream().filter(f -> (f.file().endsWith(".xml") || f.file().equals("sushi-config.yaml"))
                && f.severity() != Severity.INFORMATION).toList();
        assertEquals(List.of(), onThem, TestProjects.describe(onThem));
        assertEquals(List.of(), TestProjects.errors(built.findings()), TestProjects.describe(built.findings()));

        Document history = Jsoup.parse(Files.readString(root.resolve("build/site/history.html")));
        assertEquals("改訂の記録", history.selectFirst("article h1").text(), "the title pages: gives it");
        assertNotNull(history.selectFirst(".document-body div.sect1 > h2#改訂履歴"), "the XHTML root's content is the page's: " + history.select("main").html());
        assertNotNull(history.selectFirst(".document-body div.sect1 div.sect2 > h3#第1版"), "h4 nests under the first section");
        assertEquals(List.of("版", "日付"), history.select(".document-body table th").eachText());
        assertTrue(history.select(".document-body p").text().contains("http://hl7.org/fhir/R4/ に基づく"), "Liquid is resolved");
        assertEquals("StructureDefinition-minimal-patient.html", history.select(".document-body a:contains(患者プロファイル)").attr("href"));
        assertFalse(history.html().contains("xmlns"), "no namespace declarations reach the page");
        Document valueSet = Jsoup.parse(Files.readString(root.resolve("build/site/ValueSet-minimal-marital-status.html")));
        assertEquals("一つ", valueSet.select("main b").text(), "the intro written in XHTML is on the value set's page");
    }

    private static Document page(String name) throws Exception {
        return Jsoup.parse(Files.readString(site.resolve(name)));
    }
}
