package jp.nexehrs.compose;

import jp.nexehrs.testing.TestProjects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each section of a guideline page can be commented on in the repository; pages lead to their neighbours. */
class SectionLinksTest {
    @TempDir
    Path dir;

    @Test
    void everySectionHasACommentLinkNamingDocumentVersionAndSection() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        Files.writeString(project.resolve("nexehrs.yaml"), Files.readString(project.resolve("nexehrs.yaml"))
                + "repository: https://github.com/example/spec\n");
        TestProjects.write(project, "spec/02-next.adoc", "= 次の文書\n\n== 節\n\n本文。\n");

        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());

        assertEquals(0, result.exitCode(), result.toString());
        Document page = Jsoup.parse(project.resolve("build/site/01-intro.html").toFile(), "UTF-8");
        Element heading = page.selectFirst("h2#本人");
        Element comment = heading.selectFirst("a.comment-link");
        String url = URLDecoder.decode(comment.attr("href"), StandardCharsets.UTF_8);
        assertTrue(url.startsWith("https://github.com/example/spec/issues/new?title=[01-intro 1.0.0] 本人"), url);
        assertTrue(url.contains("spec/01-intro.adoc") && url.contains("#本人"), url);
        assertEquals(2, page.select("a.comment-link").size(), "one per section");
        assertEquals("https://github.com/example/spec/edit/main/spec/01-intro.adoc", page.selectFirst(".edit-link a").attr("href"));
        assertEquals("02-next.html", page.selectFirst(".prev-next a.next").attr("href"));
        assertEquals("01-intro.html", Jsoup.parse(project.resolve("build/site/02-next.html").toFile(), "UTF-8")
                .selectFirst(".prev-next a.prev").attr("href"));
    }
}
