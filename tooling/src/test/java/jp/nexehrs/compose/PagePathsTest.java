package jp.nexehrs.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.Checker;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The site's URL scheme has one owner ({@link PagePaths}): with its naming rule changed in that one place, every
 * page, download, link, navigation entry and search entry follows, and the whole site stays linked.
 */
class PagePathsTest {
    @TempDir
    Path dir;

    @Test
    void changingTheNamingRuleInOnePlaceKeepsTheWholeSiteLinked() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        PagePaths renamed = new PagePaths((type, id) -> "r4-" + type.toLowerCase(Locale.ROOT) + "_" + id);
        SiteFiles site = compose(project, renamed);

        Set<String> paths = new HashSet<>(site.paths());
        assertTrue(paths.contains("r4-structuredefinition_minimal-patient.html"), paths.toString());
        assertTrue(paths.contains("r4-patient_hanako.json"), paths.toString());
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("StructureDefinition-") || p.startsWith("Patient-")), paths.toString());

        List<String> broken = new ArrayList<>();
        int links = 0;
        for (String path : site.paths()) {
            if (!path.endsWith(".html")) continue;
            for (Element a : Jsoup.parse(new String(site.read(path), StandardCharsets.UTF_8)).select("a[href]")) {
                String href = a.attr("href");
                if (href.startsWith("#") || href.matches("^[a-z][a-z0-9+.-]*:.*")) continue;
                links++;
                String target = URI.create("file:/site/" + path).resolve(href).getPath().replaceFirst("^/site/", "");
                if (!paths.contains(target) && !target.endsWith(".tgz") && !target.endsWith(".zip")) broken.add(path + " -> " + href);
            }
        }
        assertTrue(links > 50, "links followed: " + links);
        assertEquals(List.of(), broken);

        JsonNode search = new ObjectMapper().readTree(site.read(PagePaths.SEARCH_INDEX));
        List<String> unknownPages = new ArrayList<>();
        for (JsonNode doc : search.get("docs")) {
            String url = doc.get(0).asText();
            if (!paths.contains(url.replaceFirst("#.*", ""))) unknownPages.add(url);
        }
        assertTrue(search.get("docs").size() > 3, search.get("docs").toString());
        assertEquals(List.of(), unknownPages, "search entries lead to pages of the site");
    }

    @Test
    void theDefaultRuleIsTypeDashId() throws Exception {
        SiteFiles site = compose(TestProjects.copyMinimal(dir.resolve("default")), PagePaths.DEFAULT);
        assertTrue(site.contains("StructureDefinition-minimal-patient.html"), site.paths().toString());
        assertTrue(site.contains("Patient-hanako.xml"), site.paths().toString());
    }

    private static SiteFiles compose(Path project, PagePaths paths) throws Exception {
        try (Toolkit toolkit = TestToolkits.of(1, 946684800L)) {
            Project loaded = new ProjectLoader(toolkit.fhir(), List.of(), java.util.Optional.empty(), paths).load(project);
            Converted converted = new Converter(toolkit.fhir(), toolkit::documents).convert(loaded, true);
            Checked checked = new Checker(1).check(converted);
            assertFalse(checked.hasErrors(), checked.findings().toString());
            return new SiteComposer(false, 1).compose(checked).files();
        }
    }
}
