package jp.nexehrs.browser;

import jp.nexehrs.testing.TestProjects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static jp.nexehrs.testing.TestProjects.read;
import static jp.nexehrs.testing.TestProjects.runCli;
import static jp.nexehrs.testing.TestProjects.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * This repository's specification, built with {@code --all-versions} from a throwaway Git history (release
 * 0.1.0, then a draft), served over HTTP on 127.0.0.1 and read in the system's headless Chromium: search finds
 * the right page first for Japanese queries in any script or width, the version switcher and the sidebar lead
 * where they say, search and switcher work from the keyboard, no page writes an error to the console, and text
 * keeps a readable contrast. One browser for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSiteTest {
    private static final String RELEASE = "0.1.0";
    private static final String DRAFT_SENTENCE = "この文は草案だけにある。";

    private Path site;
    private StaticSiteServer server;
    private HeadlessChromium chromium;
    private ChromeDriver driver;

    @BeforeAll
    void buildServeAndOpenBrowser(@TempDir Path dir) throws Exception {
        assumeTrue(HeadlessChromium.unavailable().isEmpty(), HeadlessChromium.unavailable().orElse(""));
        Path repo = TestProjects.copyRepositorySpec(dir.resolve("spec-repo"));
        write(repo, ".gitignore", "build/\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            RevCommit release = commit(git, "release", 1);
            git.tag().setName("v" + RELEASE).setObjectId(release).setAnnotated(true).setMessage("最初の公開版").setTagger(ident(2)).call();
            Path overview = repo.resolve("spec/01-overview.adoc");
            write(repo, "spec/01-overview.adoc", read(overview) + "\n" + DRAFT_SENTENCE + "\n");
            commit(git, "draft", 3);
        }
        TestProjects.CliResult build = runCli("build", "--all-versions", "--quiet", "--project", repo.toString());
        assertEquals(0, build.exitCode(), build.toString());
        site = repo.resolve("build/site");
        server = new StaticSiteServer(site);
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
    }

    @AfterAll
    void closeBrowserAndServer() throws Exception {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void desktopWindow() {
        if (driver != null) driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @ParameterizedTest(name = "{0} finds {1} first")
    @CsvSource({
            "仮名化, 04-secondary-use.html",
            "本人, 02-person-centred-record.html",
            "ｸﾗｳﾄﾞ, 06-cloud.html",
            "くらうど, 06-cloud.html",
            "クラウド, 06-cloud.html",
    })
    void searchFindsTheRightPageFirst(String query, String expectedPage) {
        open("current/index.html");
        List<String> results = search(query);
        assertFalse(results.isEmpty(), "no results for " + query);
        assertEquals(expectedPage, pageOf(results.get(0)), "results for " + query + ": " + results);
    }

    @Test
    void theVersionSwitcherLeadsToTheSamePageInTheOtherVersion() {
        open("current/03-sharing.html");
        driver.findElement(By.cssSelector("nav.version-switcher")).findElement(By.linkText(RELEASE)).click();
        waitForUrlEnding(RELEASE + "/03-sharing.html");
        assertFalse(driver.getPageSource().contains(DRAFT_SENTENCE));
        driver.findElement(By.cssSelector("nav.version-switcher")).findElement(By.linkText("current")).click();
        waitForUrlEnding("current/03-sharing.html");
        open("current/01-overview.html");
        assertTrue(driver.getPageSource().contains(DRAFT_SENTENCE), "the draft shows its own text");
    }

    @Test
    void everySidebarLinkLeadsToAPageAndSectionThatExist() throws Exception {
        open("current/03-sharing.html");
        List<WebElement> links = driver.findElements(By.cssSelector("nav.sidebar a[href]"));
        assertTrue(links.size() > 40, "the sidebar lists documents, sections and artifacts: " + links.size());
        WebElement current = driver.findElement(By.cssSelector("nav.sidebar a[aria-current=page]"));
        assertTrue(current.getAttribute("href").endsWith("current/03-sharing.html"), current.getAttribute("href"));
        assertNotNull(current.findElement(By.xpath("following-sibling::details[@open]")), "the current document's sections are open");

        HttpClient http = HttpClient.newHttpClient();
        Map<String, String> pages = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (WebElement link : links) {
            String href = link.getAttribute("href");
            String page = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            if (!pages.containsKey(page)) {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
                pages.put(page, response.statusCode() == 200 ? response.body() : null);
                if (response.statusCode() != 200) problems.add(href + " -> " + response.statusCode());
            }
            String section = URI.create(href).getFragment();
            if (section != null && pages.get(page) != null && Jsoup.parse(pages.get(page)).getElementById(section) == null) {
                problems.add(href + " -> no such section");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // following one: the new page marks itself as current and opens its group
        driver.findElement(By.cssSelector("nav.sidebar details[data-nav='group:profiles'] > summary")).click();
        WebElement profile = driver.findElement(By.cssSelector("nav.sidebar details[data-nav='group:profiles'] ul a"));
        String target = profile.getAttribute("href");
        profile.click();
        waitForUrlEnding(target.substring(target.lastIndexOf('/') + 1));
        WebElement marked = driver.findElement(By.cssSelector("nav.sidebar a[aria-current=page]"));
        assertEquals(target, marked.getAttribute("href"));
        assertTrue(marked.isDisplayed(), "the current page's group is open");
    }

    @Test
    void onAPhoneTheSidebarIsCollapsedBehindItsMenuButton() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("current/03-sharing.html");
        WebElement toggle = driver.findElement(By.cssSelector("nav.sidebar .sidebar-toggle"));
        WebElement content = driver.findElement(By.id("sidebar-content"));
        assertTrue(toggle.isDisplayed());
        assertFalse(content.isDisplayed(), "collapsed on a narrow screen");
        assertEquals("false", toggle.getAttribute("aria-expanded"));
        toggle.click();
        assertTrue(content.isDisplayed(), "the menu button opens it");
        assertEquals("true", toggle.getAttribute("aria-expanded"));
    }

    @Test
    void searchIsReachableWithTabAndItsResultsAreChosenWithTheArrowKeysAndEnter() {
        open("current/index.html");
        tabUntil("the search box", () -> "site-search".equals(activeElement().getAttribute("id")));
        new Actions(driver).sendKeys("仮名化").perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> resultLinks().size() >= 2);
        List<String> results = resultLinks().stream().map(a -> a.getAttribute("href")).toList();
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(results.get(0), activeElement().getAttribute("href"), "ArrowDown moves to the first result");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        assertEquals(results.get(1), activeElement().getAttribute("href"), "and on to the next");
        new Actions(driver).sendKeys(Keys.ARROW_UP).perform();
        assertEquals(results.get(0), activeElement().getAttribute("href"), "ArrowUp goes back");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().equals(results.get(1)));
    }

    @Test
    void theVersionSwitcherIsUsableFromTheKeyboard() {
        open("current/06-cloud.html");
        tabUntil("the switcher's link to " + RELEASE, () -> RELEASE.equals(activeElement().getText())
                && !activeElement().findElements(By.xpath("ancestor::nav[contains(@class,'version-switcher')]")).isEmpty());
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        waitForUrlEnding(RELEASE + "/06-cloud.html");
    }

    @Test
    void noPageOfTheSiteWritesAnErrorToTheConsole() throws Exception {
        List<String> pages;
        try (Stream<Path> walk = Files.walk(site)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).map(p -> site.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertTrue(pages.size() > 100, "both versions' pages: " + pages.size());
        // Half the pages in a second browser, side by side: each page load keeps one of the two cores busy.
        List<String> secondHalf = pages.subList(pages.size() / 2, pages.size());
        Map<String, List<String>> errors = new TreeMap<>();
        CompletableFuture<Map<String, List<String>>> second = CompletableFuture.supplyAsync(() -> {
            try (HeadlessChromium other = HeadlessChromium.start()) {
                return consoleErrorsOf(other, secondHalf);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        errors.putAll(consoleErrorsOf(chromium, pages.subList(0, pages.size() / 2)));
        errors.putAll(second.get());
        // search runs script on demand: one query on a document page, whose index lies one folder up in versions
        open("current/04-secondary-use.html");
        search("仮名化");
        List<String> found = chromium.consoleErrors();
        if (!found.isEmpty()) errors.put("current/04-secondary-use.html (search)", found);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    /** What each page wrote to {@code browser}'s console at SEVERE level, for the pages that wrote something. */
    private Map<String, List<String>> consoleErrorsOf(HeadlessChromium browser, List<String> pages) {
        browser.consoleErrors(); // start from a clean log
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (String page : pages) {
            browser.driver().get(server.url(page));
            List<String> found = browser.consoleErrors();
            if (!found.isEmpty()) errors.put(page, found);
        }
        return errors;
    }

    /**
     * WCAG 2.1 AA contrast of every visible text on one page of each kind, as the browser computes the colours:
     * at least 4.5:1, or 3:1 for large text (24px, or 18.66px bold).
     */
    @Test
    void textHasReadableContrastOnEveryKindOfPage() {
        List<String> problems = new ArrayList<>();
        for (String page : List.of("current/index.html", "current/03-sharing.html", "current/StructureDefinition-nexehrs-patient.html",
                "current/ValueSet-nexehrs-data-category-vs.html", "current/CodeSystem-nexehrs-data-category.html",
                "current/Patient-yamada-taro.html", "current/artifacts.html", "current/qa.html", "current/governance.html",
                "history.html")) {
            open(page);
            @SuppressWarnings("unchecked")
            List<String> low = (List<String>) ((JavascriptExecutor) driver).executeScript(CONTRAST_SCRIPT);
            low.forEach(l -> problems.add(page + ": " + l));
        }
        assertTrue(problems.isEmpty(), String.join("\n", new LinkedHashSet<>(problems)));
    }

    /** Returns "ratio text (colour on background)" for each visible text node's element below the required contrast. */
    private static final String CONTRAST_SCRIPT = """
            function rgba(s) { var m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
            function lum(c) { var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
              return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; }
            function over(top, bottom) { var a = top[3]; return [0, 1, 2].map(function (i) { return top[i] * a + bottom[i] * (1 - a); }).concat([1]); }
            function background(el) { var layers = [];
              for (var e = el; e; e = e.parentElement) { var b = rgba(getComputedStyle(e).backgroundColor); if (b[3] > 0) layers.push(b); if (b[3] === 1) break; }
              var c = [255, 255, 255, 1]; for (var i = layers.length - 1; i >= 0; i--) c = over(layers[i], c); return c; }
            var out = [], seen = new Set();
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (var n = walker.nextNode(); n; n = walker.nextNode()) {
              var el = n.parentElement; if (!n.textContent.trim() || seen.has(el)) continue; seen.add(el);
              var style = getComputedStyle(el); if (el.closest('[hidden]') || !el.getClientRects().length || style.visibility === 'hidden') continue;
              if (el.closest('.visually-hidden')) continue;
              var bg = background(el), fg = over(rgba(style.color), bg);
              var l1 = lum(fg), l2 = lum(bg), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              var size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              var needed = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5;
              if (ratio < needed) out.push(ratio.toFixed(2) + ' "' + n.textContent.trim().slice(0, 30) + '" (' + style.color + ' on rgb(' + bg.slice(0, 3).map(Math.round) + '), <' + el.tagName.toLowerCase() + ' class=' + el.className + '>)');
            }
            return out;
            """;

    private void open(String sitePath) {
        driver.get(server.url(sitePath));
    }

    /** Types the query in the search box and returns the result links' URLs, best first. */
    private List<String> search(String query) {
        WebElement box = driver.findElement(By.id("site-search"));
        box.clear();
        box.sendKeys(query);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.cssSelector("#site-search-results li")).isEmpty());
        return resultLinks().stream().map(a -> a.getAttribute("href")).toList();
    }

    private List<WebElement> resultLinks() {
        return driver.findElements(By.cssSelector("#site-search-results a"));
    }

    private static String pageOf(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    private void tabUntil(String what, java.util.function.BooleanSupplier reached) {
        for (int i = 0; i < 40; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (reached.getAsBoolean()) return;
        }
        throw new AssertionError(what + " is not reachable with Tab (40 presses)");
    }

    private void waitForUrlEnding(String end) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith(end));
    }

    private static RevCommit commit(Git git, String message, int day) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(ident(day)).setCommitter(ident(day)).setSign(false).call();
    }

    private static PersonIdent ident(int day) {
        return new PersonIdent("編集者", "editor@example.org", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86400L * day), ZoneOffset.UTC);
    }
}
