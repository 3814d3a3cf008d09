package jp.nexehrs.compose;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An example whose narrative carries a script, event handlers, a javascript: link and an iframe: its page shows
 * the narrative's text and harmless markup, and none of the live markup.
 */
class NarrativeSanitisingTest {
    @TempDir
    Path dir;

    @Test
    void aHostileNarrativeNeverReachesTheExamplePageAsLiveMarkup() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        Files.copy(Path.of("src/test/resources/pages/Patient-hostile-narrative.json"),
                root.resolve("profiles/examples/Patient-hostile-narrative.json"));
        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(1, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PREVIEW);
        }
        // The validator may reject such a narrative (txt-1), which fails the build; the page is composed either way,
        // and that composed page is what must be safe.
        byte[] bytes = outcome.products().siteFiles().filter(f -> f.path().equals("Patient-hostile-narrative.html"))
                .findFirst().orElseThrow(() -> new AssertionError("no page for the example")).content();
        String html = new String(bytes, StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        Element narrative = page.selectFirst("div.narrative");
        assertNotNull(narrative, html);
        assertTrue(narrative.text().contains("山田 花子") && narrative.text().contains("安全な表"), narrative.outerHtml());
        assertEquals(1, narrative.select("table").size(), "harmless markup stays");

        assertTrue(page.select("main script, main iframe, main object, main embed").isEmpty(), narrative.outerHtml());
        for (Element element : page.select("main *")) {
            for (Attribute attribute : element.attributes()) {
                assertFalse(attribute.getKey().toLowerCase().startsWith("on"), "event handler " + attribute + " in " + element);
                assertFalse(attribute.getValue().toLowerCase().contains("javascript:"), "javascript: URL in " + element);
            }
        }
        assertFalse(html.contains("<script>alert"), "no live script anywhere on the page");
        assertFalse(html.contains("onerror=\""), "no live onerror anywhere on the page");
        // The JSON view shows the original text escaped, which is what an implementer needs to see.
        assertTrue(page.selectFirst("pre.json").text().contains("onerror"));
    }
}
