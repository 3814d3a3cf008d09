package jp.nexehrs.pipeline;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A preview shows a saved document's or profile's page from the last build before building everything again: the page
 * must be the one the full build then makes, byte for byte (or the tab would reload twice, or show something the build
 * does not), and anything it cannot show soundly is left to the full build.
 */
class SavedPagePreviewTest {
    private static final long EPOCH = 946684800L;
    private static final String PROFILE = "profiles/structuredefinitions/StructureDefinition-minimal-patient.json";
    private static final String PROFILE_PAGE = "StructureDefinition-minimal-patient.html";
    private static Toolkit toolkit;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        toolkit = TestToolkits.of(2, EPOCH, new Toolkit.Caching(true, "test"));
    }

    @AfterAll
    static void stop() {
        toolkit.close();
    }

    @Test
    void aSavedAsciiDocDocumentsPageIsTheOneTheFullBuildMakes() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        Outcome last = preview(root);
        Path document = root.resolve("spec/01-intro.adoc");
        // A new title too: the page's own heading and its navigation entry change with it.
        Files.writeString(document, Files.readString(document).replaceFirst("= はじめに", "= はじめに（改訂）")
                + "\n== 保存した節\n\n保存したばかりの本文。\n", StandardCharsets.UTF_8);

        List<SiteFile> shown = pipeline().previewSavedPages(last.checked(), Set.of("spec/01-intro.adoc"))
                .orElseThrow(() -> new AssertionError("a saved document is shown from the last build"));
        assertEquals(List.of("01-intro.html"), shown.stream().map(SiteFile::path).toList(), "only the saved document's page");
        String page = text(shown.get(0));
        assertTrue(page.contains("保存したばかりの本文") && page.contains("はじめに（改訂）"), page);
        assertTheFullBuildMakesTheSame(root, shown);
    }

    @Test
    void aSavedMarkdownPageOfAGuideInTheIgPublishersLayoutIsTheOneTheFullBuildMakes() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        Outcome last = preview(root);
        Path page = root.resolve("input/pagecontent/guidance.md");
        Files.writeString(page, Files.readString(page) + "\n### 保存した節\n\n保存したばかりの本文。\n", StandardCharsets.UTF_8);

        List<SiteFile> shown = pipeline().previewSavedPages(last.checked(), Set.of("input/pagecontent/guidance.md")).orElseThrow();
        assertEquals(List.of("guidance.html"), shown.stream().map(SiteFile::path).toList());
        assertTrue(text(shown.get(0)).contains("保存したばかりの本文"));
        assertTheFullBuildMakesTheSame(root, shown);
    }

    @Test
    void aSavedIntroOfAProfilesPageShowsThatPageAsTheFullBuildMakesIt() throws Exception {
        Path root = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        Outcome last = preview(root);
        String intro = "input/intro-notes/StructureDefinition-minimal-patient-intro.md";
        Files.writeString(root.resolve(intro), Files.readString(root.resolve(intro)) + "\n保存したばかりの導入。\n", StandardCharsets.UTF_8);

        List<SiteFile> shown = pipeline().previewSavedPages(last.checked(), Set.of(intro)).orElseThrow();
        assertEquals(PROFILE_PAGE, shown.get(0).path(), "the profile's page");
        assertTrue(text(shown.get(0)).contains("保存したばかりの導入"));
        assertTheFullBuildMakesTheSame(root, shown);
    }

    @Test
    void aSavedProfilesPageIsTheOneTheFullBuildMakes() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        Outcome last = preview(root);
        reviseProfileDescription(root);

        List<SiteFile> shown = pipeline().previewSavedPages(last.checked(), Set.of(PROFILE)).orElseThrow();
        assertEquals(List.of(PROFILE_PAGE, "StructureDefinition-minimal-patient.json", "StructureDefinition-minimal-patient.xml"),
                shown.stream().map(SiteFile::path).toList(), "the profile's page and its downloads");
        assertTrue(text(shown.get(0)).contains("改訂した説明"));
        assertTheFullBuildMakesTheSame(root, shown);
    }

    @Test
    void aSavedProfileIsShownAlthoughAnotherFileOfTheGuideHasAnError() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        TestProjects.write(root, "profiles/structuredefinitions/StructureDefinition-broken.json", "{ \"resourceType\": ");
        Outcome last = preview(root);
        assertTrue(last.failed(), "the guide has an error elsewhere");
        reviseProfileDescription(root);

        List<SiteFile> shown = pipeline().previewSavedPages(last.checked(), Set.of(PROFILE)).orElseThrow();
        assertTrue(text(shown.get(0)).contains("改訂した説明"));
        assertTheFullBuildMakesTheSame(root, shown);
    }

    /** An editor's save of the profile: its description begins with 改訂した説明. */
    private static void reviseProfileDescription(Path root) throws IOException {
        Path profile = root.resolve(PROFILE);
        Files.writeString(profile, Files.readString(profile).replaceFirst("\"description\"\\s*:\\s*\"", "\"description\": \"改訂した説明。"));
    }

    @Test
    void anythingElseIsLeftToTheFullBuild() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        Outcome last = preview(root);
        String valueSet = "profiles/valuesets/ValueSet-minimal-marital-status.json";
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of(valueSet)),
                "a value set: its page shows its expansion, which the check stage makes");
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("spec/01-intro.adoc", PROFILE)),
                "a document and a profile");
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("profiles/examples/Patient-hanako.json")),
                "an example: its page shows its validation");
        TestProjects.write(root, "spec/02-new.adoc", "= 新しい文書\n\n本文。\n");
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("spec/02-new.adoc")),
                "a new document changes the navigation of every page");
        Files.delete(root.resolve("spec/02-new.adoc"));

        Path profile = root.resolve(PROFILE);
        String good = Files.readString(profile);
        Files.writeString(profile, good.replaceFirst("\\{", "{ \"broken\": "));
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of(PROFILE)), "a profile that does not parse");
        Files.writeString(profile, good);

        Path document = root.resolve("spec/01-intro.adoc");
        String text = Files.readString(document);
        Files.writeString(document, text.replace(":nexehrs-status: draft", ":nexehrs-status: consensus"));
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("spec/01-intro.adoc")),
                "a document's new status: the check stage gives its governance badge");
        Files.writeString(document, text + "\ninclude::does-not-exist.adoc[]\n");
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("spec/01-intro.adoc")),
                "a document with an error: the full build shows it with its line");
        Files.delete(document);
        assertEquals(Optional.empty(), pipeline().previewSavedPages(last.checked(), Set.of("spec/01-intro.adoc")), "a deleted document");
        assertFalse(preview(root).products().siteFiles().anyMatch(file -> file.path().equals("01-intro.html")),
                "and the full build drops its page");
    }

    @Test
    void warmingUpConvertsPastTheCacheAndChangesNothing() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("minimal"));
        Outcome last = preview(root);
        var before = TestProjects.contentDigests(root);
        pipeline().warmUpDocuments(last.checked(), () -> true);
        assertEquals(before, TestProjects.contentDigests(root), "no file of the project or its cache is written");
    }

    private static Pipeline pipeline() {
        return new Pipeline(toolkit, Progress.SILENT);
    }

    private static Outcome preview(Path root) throws Exception {
        return pipeline().run(root, Goal.PREVIEW);
    }

    /** Each file shown is the one the full build of the saved project then makes, byte for byte. */
    private static void assertTheFullBuildMakesTheSame(Path root, List<SiteFile> shown) throws Exception {
        Outcome full = preview(root);
        for (SiteFile file : shown) {
            byte[] built = full.products().siteFiles().filter(f -> f.path().equals(file.path())).findFirst()
                    .orElseThrow(() -> new AssertionError("the full build makes no " + file.path())).content();
            assertArrayEquals(built, file.content(), file.path());
        }
    }

    private static String text(SiteFile file) {
        return new String(file.content(), StandardCharsets.UTF_8);
    }
}
