package jp.nexehrs.convert;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JP Core 1.2.0 ({@code ../shared/corpus/jp-core}) as its editors keep it: a project by its sushi-config.yaml, and all its
 * Markdown pages and intro/notes fragments rendered with no Liquid left. Only the pages are copied and converted (the
 * FSH is JpCoreFromFshTest's, which runs SUSHI on it). Skipped, saying why, without the corpus.
 */
class JpCorePagesTest {
    @TempDir
    static Path dir;
    private static Project project;
    private static Converted converted;

    @BeforeAll
    static void convert() throws Exception {
        FhirEngine engine = new FhirEngine();
        // The guide without its FSH: the pages do not need SUSHI's output, and JpCoreFromFshTest compiles it.
        Path guide = dir.resolve("jp-core");
        for (String part : List.of("sushi-config.yaml", "ig.ini", "input/pagecontent", "input/intro-notes", "input/includes", "input/images")) {
            Path from = CorpusFixtures.jpCore().resolve(part);
            if (Files.isDirectory(from)) TestProjects.copyTree(from, guide.resolve(part));
            else if (Files.isRegularFile(from)) TestProjects.writeBytes(guide, part, Files.readAllBytes(from));
        }
        project = new ProjectLoader(engine, List.of(), Optional.of(ProjectConfig.MissingDependencies.WARN), PagePaths.DEFAULT)
                .load(guide);
        converted = new Converter(engine, () -> {
            throw new AssertionError("JP Core has no AsciiDoc: Asciidoctor must not start");
        }).convert(project, true);
    }

    @Test
    void theGuideIsAProjectByItsSushiConfig() {
        ProjectConfig config = project.config();
        assertEquals("jpfhir.jp.core", config.id());
        assertEquals("http://jpfhir.jp/fhir/core", config.canonical());
        assertEquals("1.2.0-temp", config.version());
        assertEquals(ProjectConfig.Layout.IG_PUBLISHER, config.layout());
        assertEquals("FHIR Japanese implementation research working group in Japan Association of Medical Informatics (JAMI)", config.publisher());
        assertEquals(List.of(new ProjectConfig.Dependency("jpfhir-terminology.r4", "1.4.0", null)), config.dependencies());
        assertEquals(20, config.pagesInOrder().size());
        assertEquals(List.of("FHIRJP", "Guidances", "FHIRContents", "Security", "Artifacts", "Download"),
                config.menu().stream().map(ProjectConfig.MenuItem::title).toList());
        assertEquals(8, config.menu().get(1).items().size());
    }

    @Test
    void everyPageRendersInTheOrderOfPagesWithItsTitleAndNoLiquidLeft() {
        assertEquals(20, converted.documents().size());
        assertEquals("index.html", converted.documents().get(0).source().pagePath());
        assertEquals("ガイダンス", converted.documents().get(1).title());
        assertEquals("総合ガイダンス", converted.documents().get(2).title());
        for (ConvertedDocument document : converted.documents()) {
            assertTrue(!document.htmlBody().contains("{%") && !document.htmlBody().contains("{{"), document.source().file());
        }
    }

    @Test
    void everyIntroAndNotesFragmentRendersWithNoLiquidLeft() {
        assertEquals(99, converted.fragments().size());
        for (ConvertedFragment fragment : converted.fragments()) {
            String html = fragment.document().htmlBody();
            assertTrue(!html.contains("{%") && !html.contains("{{"), fragment.document().source().file());
        }
    }

    /**
     * What is said about the pages: the four tables the IG Publisher makes while it builds are left out where the
     * guide includes them, and the template tweak in the file every page includes is noted once.
     */
    @Test
    void thePagesFindingsAreTheGeneratedTablesAndTheTemplatesStyleOnly() {
        List<Finding> onPages = converted.findings().stream().filter(f -> f.file().startsWith("input/")).toList();
        assertEquals(5, onPages.size(), TestProjects.describe(onPages));
        List<Finding> generated = onPages.stream().filter(f -> f.severity() == Severity.WARNING).toList();
        assertEquals(List.of(25, 29, 33, 37), generated.stream().map(Finding::line).toList(), TestProjects.describe(onPages));
        assertTrue(generated.stream().allMatch(f -> f.file().equals("input/pagecontent/guide-general.md")
                && f.message().contains(".xhtml %} is left out of the page: the IG Publisher makes that fragment")), TestProjects.describe(onPages));
        Finding style = onPages.stream().filter(f -> f.severity() == Severity.INFORMATION).findFirst().orElseThrow();
        assertEquals("input/includes/markdown-link-references.md:4", style.file() + ":" + style.line());
    }
}
