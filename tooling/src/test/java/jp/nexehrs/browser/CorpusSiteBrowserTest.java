package jp.nexehrs.browser;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JP Core 1.1.2 rendered as a site, as it is (its differentials, examples and ImplementationGuide, as
 * {@code pipeline/CorpusGuidesTest} builds it): one page of each kind it has passes the same browser checks as this
 * repository's own site. Skipped, saying why, without the shared corpus, Chromium or Node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorpusSiteBrowserTest {
    private static final Map<String, String> PAGES = new LinkedHashMap<>();

    static {
        PAGES.put("home", "index.html");
        PAGES.put("profile", "StructureDefinition-jp-patient.html");
        PAGES.put("profile-observation", "StructureDefinition-jp-observation-common.html");
        PAGES.put("extension", "StructureDefinition-jp-patient-race.html");
        PAGES.put("valueset", "ValueSet-jp-condition-severity-vs.html");
        PAGES.put("codesystem", "CodeSystem-jp-documentcodes-cs.html");
        PAGES.put("searchparameter", "SearchParameter-jp-coverage-insuredpersonnumber-sp.html");
        PAGES.put("capabilitystatement", "CapabilityStatement-jp-server-capabilitystatement.html");
        PAGES.put("namingsystem", "NamingSystem-jp-department-ssmix-namingsystem.html");
        PAGES.put("example", "Patient-jp-patient-example-1.html");
        PAGES.put("artifacts", "artifacts.html");
        PAGES.put("qa", "qa.html");
    }

    private Path site;
    private StaticSiteServer server;
    private HeadlessChromium chromium;
    private ChromeDriver driver;
    private PageChecks checks;

    @BeforeAll
    void buildServeAndOpenBrowser(@TempDir Path dir) throws Exception {
        Path root = CorpusFixtures.jpCore112Project(dir.resolve("jp-core"));
        assumeTrue(HeadlessChromium.unavailable().isEmpty(), HeadlessChromium.unavailable().orElse(""));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
            assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(TestProjects.errors(outcome.findings())));
        }
        site = root.resolve("build/site");
        for (String page : PAGES.values()) assertTrue(Files.isRegularFile(site.resolve(page)), "JP Core's site has " + page);
        server = new StaticSiteServer(site);
        chromium = HeadlessChromium.start();
        driver = chromium.driver();
        checks = PageChecks.in(driver);
    }

    @AfterAll
    void closeBrowserAndServer() throws Exception {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @Test
    void everyKindOfJpCorePagePassesAxeFitsEveryWidthAndIsPhotographed() throws Exception {
        Map<String, String> urls = new LinkedHashMap<>();
        PAGES.forEach((kind, page) -> urls.put(kind, server.url(page)));
        List<String> problems = checks.acrossWidths(urls, "jp-core", true);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
