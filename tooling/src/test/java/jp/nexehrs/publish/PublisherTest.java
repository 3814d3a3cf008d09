package jp.nexehrs.publish;

import jp.nexehrs.cli.ExitCode;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.produce.PackageArchive;
import jp.nexehrs.produce.Products;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The publish stage: the last good output survives failed builds and unwritable folders. */
class PublisherTest {
    @TempDir
    Path dir;

    @Test
    void aFailedBuildLeavesThePreviousSiteAndPackageAndWritesTheReport() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        Path build = root.resolve("build");
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            Pipeline pipeline = new Pipeline(toolkit, Progress.SILENT);
            Outcome good = pipeline.run(root, Goal.BUILD);
            assertFalse(good.failed(), describe(good.findings()));
            assertTrue(Files.isRegularFile(build.resolve("site/index.html")));
            assertTrue(Files.isRegularFile(build.resolve("package/example.minimal-1.0.0.tgz")));
            Map<String, String> site = TestProjects.fingerprint(build.resolve("site"));
            Map<String, String> pkg = TestProjects.fingerprint(build.resolve("package"));
            String goodReport = TestProjects.read(build.resolve("qa.json"));

            TestProjects.write(root, "profiles/examples/Patient-broken.json", TestProjects.brokenPatient("broken"));
            Outcome bad = pipeline.run(root, Goal.BUILD);

            assertTrue(bad.failed());
            assertEquals(site, TestProjects.fingerprint(build.resolve("site")), "site bytes and times unchanged");
            assertEquals(pkg, TestProjects.fingerprint(build.resolve("package")), "package unchanged");
            String report = TestProjects.read(build.resolve("qa.json"));
            assertFalse(report.equals(goodReport));
            assertTrue(report.contains("profiles/examples/Patient-broken.json"), report);
            assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(report).get("errors").asInt() > 0, report);
            try (var children = Files.list(build)) {
                assertTrue(children.noneMatch(p -> p.getFileName().toString().startsWith(".staging")), "no staging left");
            }
        }
    }

    @Test
    void aReadOnlyBuildFolderFailsWithExit2AndWritesNoSite() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        Path build = Files.createDirectories(root.resolve("build"));
        Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(build),
                    "skipped: this user (root?) can still write into a read-only folder");

            TestProjects.CliResult result = TestProjects.runCli("build", "--project", root.toString());

            assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), result.toString());
            assertFalse(Files.exists(build.resolve("site")), "no half-written site");
            assertFalse(Files.exists(build.resolve("package")));
            assertTrue(result.err().contains("cannot write"), result.toString());
            assertFalse(result.all().contains("\tat "), result.toString());
        } finally {
            Files.setPosixFilePermissions(build, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void publishingReplacesTheWholeSiteAndRemovesLeftovers() throws Exception {
        Path build = dir.resolve("build");
        Files.createDirectories(build.resolve(".staging-killed/site"));
        Files.createDirectories(build.resolve("site"));
        Files.writeString(build.resolve("site/gone.html"), "old page");
        Files.writeString(build.resolve("qa.html"), "old failure report");

        Published published = new Publisher(build).publish(products(false, "index.html", "sub/page.html"));

        assertEquals(List.of(build.resolve("site"), build.resolve("package"), build.resolve("qa.json")), published.written());
        assertEquals(Map.of("index.html", "index.html", "sub/page.html", "sub/page.html"),
                readTree(build.resolve("site")));
        assertTrue(Files.isRegularFile(build.resolve("package/p-1.0.0.tgz")));
        assertEquals("{}", Files.readString(build.resolve("qa.json")));
        assertFalse(Files.exists(build.resolve("qa.html")), "the old failure report is gone");
        try (var children = Files.list(build)) {
            assertTrue(children.noneMatch(p -> p.getFileName().toString().startsWith(".staging")), "leftovers removed");
        }
    }

    @Test
    void failedProductsWriteOnlyTheReports() throws Exception {
        Path build = dir.resolve("build");
        new Publisher(build).publish(products(false, "index.html"));
        Map<String, String> site = TestProjects.fingerprint(build.resolve("site"));

        new Publisher(build).publish(products(true, "other.html"));

        assertEquals(site, TestProjects.fingerprint(build.resolve("site")));
        assertEquals("qa page", Files.readString(build.resolve("qa.html")));
    }

    @Test
    void aSitePathOutsideTheSiteIsRefusedAndNothingIsReplaced() throws Exception {
        Path build = dir.resolve("build");
        new Publisher(build).publish(products(false, "index.html"));
        Map<String, String> site = TestProjects.fingerprint(build.resolve("site"));

        PublishException e = assertThrows(PublishException.class,
                () -> new Publisher(build).publish(products(false, "index.html", "../../escape.html")));

        assertTrue(e.getMessage().contains("previous output is unchanged"), e.getMessage());
        assertEquals(site, TestProjects.fingerprint(build.resolve("site")));
        assertFalse(Files.exists(dir.resolve("escape.html")));
    }

    @Test
    void aSpooledSiteIsMovedIntoPlaceWithItsDownloadsAndNoSpoolIsLeft() throws Exception {
        Path build = dir.resolve("build");
        SiteFiles.Builder pages = SiteFiles.Storage.spooledIn(build).start();
        pages.add(new SiteFile("index.html", "home".getBytes(StandardCharsets.UTF_8)));
        pages.add(new SiteFile("spec/01.html", "本文".getBytes(StandardCharsets.UTF_8)));
        SiteFiles site = pages.build();
        Path spool = site.spool().orElseThrow();
        Products products = new Products(site, List.of(new SiteFile("pdf/book.pdf", new byte[]{7})), Optional.empty(),
                "{}".getBytes(StandardCharsets.UTF_8), new byte[0], List.of(), false);

        new Publisher(build).publish(products);

        assertEquals(Map.of("index.html", "home", "spec/01.html", "本文", "pdf/book.pdf", "\u0007"), readTree(build.resolve("site")));
        assertFalse(Files.exists(spool), "the spool was moved, not copied");
    }

    @Test
    void aFailedBuildDiscardsItsSpoolAndKeepsTheLastSite() throws Exception {
        Path build = dir.resolve("build");
        new Publisher(build).publish(products(false, "index.html"));
        Map<String, String> before = TestProjects.fingerprint(build.resolve("site"));
        SiteFiles.Builder pages = SiteFiles.Storage.spooledIn(build).start();
        pages.add(new SiteFile("index.html", "new".getBytes(StandardCharsets.UTF_8)));
        SiteFiles site = pages.build();

        new Publisher(build).publish(new Products(site, List.of(), Optional.empty(), "{}".getBytes(StandardCharsets.UTF_8),
                new byte[0], List.of(Finding.error("x.json", 1, 1, "broken")), true));

        assertEquals(before, TestProjects.fingerprint(build.resolve("site")));
        assertFalse(Files.exists(site.spool().orElseThrow()), "a failed build's pages are not left behind");
    }

    @Test
    void aSpoolAKilledBuildLeftIsRemovedByTheNextPublish() throws Exception {
        Path build = dir.resolve("build");
        SiteFiles.Builder killed = SiteFiles.Storage.spooledIn(build).start();
        killed.add(new SiteFile("index.html", "half".getBytes(StandardCharsets.UTF_8)));
        Path leftover = killed.build().spool().orElseThrow();

        new Publisher(build).publish(products(false, "index.html"));

        assertFalse(Files.exists(leftover));
        assertEquals("index.html", Files.readString(build.resolve("site/index.html")));
    }

    private static Products products(boolean failed, String... pages) {
        List<SiteFile> files = java.util.Arrays.stream(pages)
                .map(p -> new SiteFile(p, p.getBytes(StandardCharsets.UTF_8))).toList();
        return new Products(SiteFiles.of(files), List.of(), Optional.of(new PackageArchive("p-1.0.0.tgz", new byte[]{1, 2, 3})),
                "{}".getBytes(StandardCharsets.UTF_8), "qa page".getBytes(StandardCharsets.UTF_8),
                failed ? List.of(Finding.error("x.json", 1, 1, "broken")) : List.of(), failed);
    }

    private static Map<String, String> readTree(Path dir) throws Exception {
        Map<String, String> contents = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return contents;
    }
}
