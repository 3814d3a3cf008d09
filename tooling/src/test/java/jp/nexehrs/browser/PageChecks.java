package jp.nexehrs.browser;

import jp.nexehrs.node.InstalledTool;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.node.NodeUnavailableException;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every kind of page must pass in the browser, shared by the tests of this repository's site and of a
 * published guide rendered as a site: no WCAG 2.1 A/AA violation that axe-core (pinned, installed with npm ci)
 * finds, nothing wider than the viewport at a phone's, a tablet's and a desktop's width, and screenshots under
 * {@code target/screenshots/} for a person to look at.
 */
final class PageChecks {
    static final List<Integer> WIDTHS = List.of(390, 768, 1280);
    static final List<Integer> SCREENSHOT_WIDTHS = List.of(390, 1280);
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;
    private final String axeSource;

    private PageChecks(ChromeDriver driver, String axeSource) {
        this.driver = driver;
        this.axeSource = axeSource;
    }

    /** The checks, with axe-core installed from its pin; the calling test is skipped, saying why, without Node. */
    static PageChecks in(ChromeDriver driver) throws IOException {
        Optional<String> missing = Optional.empty();
        InstalledTool axe = null;
        try {
            axe = NodeTools.inUserCache().install("axe", "The accessibility tests inject axe-core into each kind of page");
        } catch (NodeUnavailableException e) {
            missing = Optional.of("SKIPPED: " + e.getMessage());
        }
        assumeTrue(missing.isEmpty(), missing.orElse(""));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new PageChecks(driver, Files.readString(axe.module("axe-core").resolve("axe.min.js")));
    }

    /** The WCAG 2.1 A/AA rules the page breaks, each as "rule: impact, first nodes", after its scripts ran. */
    @SuppressWarnings("unchecked")
    List<String> axeViolations() {
        JavascriptExecutor js = driver;
        js.executeScript(axeSource);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(function (r) { done(r.violations.map(function (v) {
                    return {id: v.id, impact: v.impact || '', nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' ') + ' ' + n.failureSummary; })};
                  })); })
                  .catch(function (e) { done([{id: 'axe failed', impact: String(e), nodes: []}]); });
                """, WCAG_TAGS);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : violations) out.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("nodes"));
        return out;
    }

    /**
     * What sticks out of the viewport at the window's current width: the page's scroll width when it is wider, with
     * the elements whose own box reaches beyond the right edge (outside any box that scrolls), widest first.
     */
    @SuppressWarnings("unchecked")
    List<String> overflow() {
        return (List<String>) driver.executeScript("""
                var width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) return [];
                var out = [];
                document.querySelectorAll('body *').forEach(function (el) {
                  var r = el.getBoundingClientRect();
                  if (r.right <= width + 1 || !el.getClientRects().length) return;
                  for (var p = el.parentElement; p; p = p.parentElement) {
                    var o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return;
                  }
                  out.push(Math.round(r.right) + 'px <' + el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + el.className : '') + '> '
                    + (el.textContent || '').trim().slice(0, 40));
                });
                out.sort(function (a, b) { return parseInt(b) - parseInt(a); });
                return ['page ' + document.documentElement.scrollWidth + 'px wide in a ' + width + 'px viewport'].concat(out.slice(0, 5));
                """);
    }

    /**
     * Each page at each of {@link #WIDTHS}: what sticks out of the viewport, and at 1280 px what axe finds when
     * {@code withAxe}; screenshots at {@link #SCREENSHOT_WIDTHS} named {@code <prefix>-<kind>-<width>.png}.
     *
     * @param pages each kind of page by name, to its URL
     */
    List<String> acrossWidths(Map<String, String> pages, String prefix, boolean withAxe) throws IOException {
        List<String> problems = new ArrayList<>();
        for (int width : WIDTHS) {
            resize(width);
            for (var page : pages.entrySet()) {
                driver.get(page.getValue());
                overflow().forEach(o -> problems.add(page.getKey() + " at " + width + "px: " + o));
                if (withAxe && width == 1280) axeViolations().forEach(v -> problems.add(page.getKey() + " (axe): " + v));
                if (SCREENSHOT_WIDTHS.contains(width) && Files.size(screenshot(prefix + "-" + page.getKey(), width)) < 1000) {
                    problems.add(page.getKey() + " at " + width + "px: an empty screenshot");
                }
            }
        }
        return problems;
    }

    void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, width < 500 ? 844 : 900));
    }

    /** Writes the viewport as {@code target/screenshots/<name>-<width>.png}. */
    Path screenshot(String name, int width) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + width + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
