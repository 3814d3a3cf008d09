package jp.nexehrs.browser;

import jp.nexehrs.testing.TestProjects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static jp.nexehrs.testing.TestProjects.runCli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every kind of page of this repository's site (with a search parameter, capability statement, operation
 * definition, naming system and concept map added, as real guides have them), in headless Chromium: no WCAG 2.1
 * A/AA violation, nothing wider than the viewport at 390, 768 and 1280 px, screenshots at 390 and 1280 px, the
 * element views as keyboard-usable tabs that are all on the page without JavaScript, and a QA page whose counts
 * agree and whose filters narrow its rows. One browser for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageKindsBrowserTest {
    /** One page of each kind, by a name for its screenshots. */
    static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "index.html");
        PAGES.put("document", "02-person-centred-record.html");
        PAGES.put("profile", "StructureDefinition-nexehrs-patient.html");
        PAGES.put("extension", "StructureDefinition-nexehrs-refusal-scope.html");
        PAGES.put("valueset", "ValueSet-nexehrs-data-category-vs.html");
        PAGES.put("codesystem", "CodeSystem-nexehrs-data-category.html");
        PAGES.put("searchparameter", "SearchParameter-nexehrs-record-id.html");
        PAGES.put("capabilitystatement", "CapabilityStatement-nexehrs-record-server.html");
        PAGES.put("operationdefinition", "OperationDefinition-nexehrs-record-export.html");
        PAGES.put("namingsystem", "NamingSystem-nexehrs-person-record-id.html");
        PAGES.put("conceptmap", "ConceptMap-nexehrs-activity-to-provenance.html");
        PAGES.put("example", "Patient-yamada-taro.html");
        PAGES.put("artifacts", "artifacts.html");
        PAGES.put("qa", "qa.html");
        PAGES.put("governance", "governance.html");
    }

    private Path site;
    private StaticSiteServer server;
    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private PageChecks checks;

    @BeforeAll
    void buildServeAndOpenBrowser(@TempDir Path dir) throws Exception {
        assumeTrue(HeadlessChromium.unavailable().isEmpty(), HeadlessChromium.unavailable().orElse(""));
        Path repo = withOtherKinds(TestProjects.copyRepositorySpec(dir.resolve("spec-repo")));
        TestProjects.CliResult build = runCli("build", "--quiet", "--project", repo.toString());
        assertEquals(0, build.exitCode(), build.toString());
        site = repo.resolve("build/site");
        server = new StaticSiteServer(site);
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        checks = PageChecks.in(driver);
    }

    /** The repository's spec with one resource of each other conformance kind real guides publish. */
    static Path withOtherKinds(Path repo) throws Exception {
        Path fixtures = Path.of("src/test/resources/pages/other-kinds");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path file : files.sorted().toList()) {
                TestProjects.write(repo, "profiles/other/" + file.getFileName(), Files.readString(file));
            }
        }
        return repo;
    }

    @AfterAll
    void closeBrowserAndServer() throws Exception {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @Test
    void noKindOfPageBreaksAWcag21AOrAARule() {
        checks.resize(1280);
        List<String> problems = new ArrayList<>();
        PAGES.forEach((kind, page) -> {
            open(page);
            checks.axeViolations().forEach(v -> problems.add(kind + " (" + page + "): " + v));
        });
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void noKindOfPageIsWiderThanAPhoneATabletOrADesktopAndEachIsPhotographed() throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        PAGES.forEach((kind, page) -> urls.put(kind, server.url(page)));
        List<String> problems = checks.acrossWidths(urls, "spec", false);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theElementViewsAreTabsThatTheKeyboardMovesBetween() {
        checks.resize(1280);
        open(PAGES.get("profile"));
        List<WebElement> tabs = driver.findElements(By.cssSelector("#element-views [role=tablist] [role=tab]"));
        assertEquals(4, tabs.size(), "differential, snapshot, must support, key elements");
        assertEquals("true", tabs.get(0).getAttribute("aria-selected"));
        assertTrue(driver.findElement(By.id("view-differential")).isDisplayed());
        assertFalse(driver.findElement(By.id("view-snapshot")).isDisplayed(), "one view at a time");

        tabs.get(0).click();
        tabs.get(0).sendKeys(Keys.ARROW_RIGHT);
        assertEquals(tabs.get(1), driver.switchTo().activeElement(), "ArrowRight moves to the next tab");
        assertEquals("true", tabs.get(1).getAttribute("aria-selected"));
        assertTrue(driver.findElement(By.id("view-snapshot")).isDisplayed());
        assertFalse(driver.findElement(By.id("view-differential")).isDisplayed());
        assertEquals("-1", tabs.get(0).getAttribute("tabindex"), "only the selected tab is in the Tab order");

        driver.switchTo().activeElement().sendKeys(Keys.END);
        assertEquals(tabs.get(3), driver.switchTo().activeElement(), "End goes to the last tab");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_RIGHT);
        assertEquals(tabs.get(0), driver.switchTo().activeElement(), "and ArrowRight wraps to the first");
        driver.switchTo().activeElement().sendKeys(Keys.ARROW_LEFT);
        assertEquals(tabs.get(3), driver.switchTo().activeElement(), "ArrowLeft wraps back");
        driver.switchTo().activeElement().sendKeys(Keys.HOME);
        assertEquals(tabs.get(0), driver.switchTo().activeElement(), "Home goes to the first tab");

        // a link to an element's row opens the tab that holds it
        open(PAGES.get("profile") + "#snapshot-Patient.identifier");
        assertTrue(driver.findElement(By.id("view-snapshot")).isDisplayed(), "the row's view is opened");
    }

    @Test
    void withoutJavaScriptEveryViewIsOnThePageInOrderWithLinksToEach() throws Exception {
        Document page = Jsoup.parse(site.resolve(PAGES.get("profile")).toFile());
        List<String> panels = page.select("#element-views > section.tab-panel").eachAttr("id");
        assertEquals(List.of("view-differential", "view-snapshot", "view-must-support", "view-key"), panels);
        assertTrue(page.select("#element-views section[hidden]").isEmpty(), "nothing hidden in the HTML itself");
        assertEquals(List.of("#view-differential", "#view-snapshot", "#view-must-support", "#view-key"),
                page.select("#element-views nav.tab-links a").eachAttr("href"));
        for (Element panel : page.select("#element-views > section.tab-panel")) {
            assertFalse(panel.select("h3.tab-title").text().isBlank(), "each view keeps its heading: " + panel.id());
        }
        Document qa = Jsoup.parse(site.resolve("qa.html").toFile());
        assertTrue(qa.selectFirst("form[data-filters]").hasAttr("hidden"), "the filters appear only with JavaScript");
        assertTrue(qa.select("tr[data-severity][hidden]").isEmpty(), "and every row is listed");
    }

    @Test
    void theQaCountsAgreeWithItsRowsAndTheFooterAndItsFiltersNarrowTheRows() {
        checks.resize(1280);
        open("qa.html");
        int accepted = driver.findElements(By.cssSelector("tr[data-severity=accepted]")).size();
        assertTrue(accepted > 0, "this spec accepts warnings in nexehrs.yaml");
        String counts = driver.findElement(By.cssSelector(".qa-counts .count-accepted strong")).getText();
        assertEquals(String.valueOf(accepted), counts);
        assertEquals(String.valueOf(driver.findElements(By.cssSelector("tr[data-severity=warning]")).size()),
                driver.findElement(By.cssSelector(".qa-counts .count-warning strong")).getText());
        String footer = driver.findElement(By.cssSelector("footer.site-footer")).getText();
        assertTrue(footer.contains("承認済みの警告 " + accepted), footer);

        new Select(driver.findElement(By.cssSelector("form[data-filters] select[name=severity]"))).selectByValue("accepted");
        List<WebElement> rows = driver.findElements(By.cssSelector("tr[data-severity]"));
        long shown = rows.stream().filter(WebElement::isDisplayed).count();
        assertEquals(accepted, shown, "only the accepted warnings are shown");
        assertTrue(rows.stream().filter(WebElement::isDisplayed).allMatch(r -> "accepted".equals(r.getAttribute("data-severity"))));

        String file = driver.findElement(By.cssSelector("tr[data-severity=accepted]")).getAttribute("data-file");
        new Select(driver.findElement(By.cssSelector("form[data-filters] select[name=file]"))).selectByValue(file);
        assertTrue(driver.findElements(By.cssSelector("tr[data-severity]")).stream().filter(WebElement::isDisplayed)
                .allMatch(r -> file.equals(r.getAttribute("data-file"))), "only that file's rows");
        new Select(driver.findElement(By.cssSelector("form[data-filters] select[name=severity]"))).selectByValue("");
        new Select(driver.findElement(By.cssSelector("form[data-filters] select[name=file]"))).selectByValue("");
        assertEquals(rows.size(), driver.findElements(By.cssSelector("tr[data-severity]")).stream().filter(WebElement::isDisplayed).count(),
                "all again");
    }

    private void open(String page) {
        driver.get(server.url(page));
    }
}
