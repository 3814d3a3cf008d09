package jp.nexehrs.compose;

import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.load.ProjectConfig;
import org.jsoup.nodes.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Public comment on a draft, section by section: every section heading of a guideline page gets a link that
 * opens a pre-filled issue in the project's repository (from nexehrs.yaml's {@code repository}) naming the
 * document, its version and the section. Without a repository the page is left as it is.
 */
final class SectionLinks {
    /** A speech bubble drawn inline: an emoji would show as an empty box where no emoji font is installed. */
    static final String COMMENT_ICON = "<svg class=\"icon\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\">"
            + "<path fill=\"currentColor\" d=\"M2 2h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H7l-3.5 3v-3H2a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm1 2v6h2v1.5L6.8 10H13V4z\"/></svg>";
    private final String repository;
    private final String version;

    SectionLinks(ProjectConfig config) {
        this.repository = config.repository().replaceAll("/+$", "");
        this.version = config.version();
    }

    boolean enabled() {
        return repository.startsWith("https://");
    }

    /** The issue form for one section of a document. */
    String commentUrl(ConvertedDocument document, String sectionId, String sectionTitle) {
        String title = "[" + document.id() + " " + document.header().version() + "] " + sectionTitle;
        String body = "文書 Document: " + document.title() + " (" + document.source().file() + ")\n"
                + "版 Version: " + document.header().version() + " (specification " + version + ")\n"
                + "節 Section: " + sectionTitle + " (#" + sectionId + ")\n\n"
                + "コメント Comment:\n\n提案 Proposed change:\n";
        return repository + "/issues/new?title=" + encode(title) + "&body=" + encode(body) + "&labels=" + encode("comment," + document.id());
    }

    /** Where an editor changes the document's source. */
    String editUrl(ConvertedDocument document) {
        return repository + "/edit/main/" + document.source().file();
    }

    /** Adds a comment link after each section heading of the document's body (nothing without a repository). */
    void addTo(Element body, ConvertedDocument document) {
        if (!enabled()) return;
        for (Element heading : body.select("h2[id], h3[id], h4[id]")) {
            String title = heading.text();
            heading.appendElement("a").addClass("comment-link").attr("href", commentUrl(document, heading.id(), title))
                    .attr("rel", "noopener").attr("title", "この節にコメントする Comment on this section")
                    .append(COMMENT_ICON + "<span class=\"visually-hidden\">この節にコメントする</span>");
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
