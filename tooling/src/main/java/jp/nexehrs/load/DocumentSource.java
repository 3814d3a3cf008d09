package jp.nexehrs.load;

import java.nio.file.Path;

/**
 * One guideline document as found on disk: an AsciiDoc document of {@code spec/}, or a Markdown or XHTML page of a
 * guide in the IG Publisher's layout.
 *
 * @param file     path relative to the project root, forward slashes (what users see in messages)
 * @param pagePath the site path of its page, e.g. {@code 03-sharing.html}
 * @param markup   how its text is written
 * @param title    the title the configuration gives the page (sushi-config.yaml's {@code pages:}); empty when the
 *                 document's own title is used
 */
public record DocumentSource(String file, Path path, String pagePath, String text, Markup markup, String title) {
    /** How a document is written. */
    public enum Markup {
        ASCIIDOC,
        /** CommonMark with GitHub tables, and the IG Publisher's Liquid tags. */
        MARKDOWN,
        /** An XHTML or HTML fragment, as the IG Publisher's {@code .xml} and {@code .html} pages, with its Liquid tags. */
        XHTML;

        /** The markup of an IG Publisher page or fragment file, by its extension ({@code .md}, {@code .xml}, {@code .html}). */
        public static Markup ofIgPublisherFile(String name) {
            return name.toLowerCase(java.util.Locale.ROOT).endsWith(".md") ? MARKDOWN : XHTML;
        }
    }

    public DocumentSource {
        markup = markup == null ? Markup.ASCIIDOC : markup;
        title = title == null ? "" : title;
    }

    /** An AsciiDoc document, titled by its own header. */
    public DocumentSource(String file, Path path, String pagePath, String text) {
        this(file, path, pagePath, text, Markup.ASCIIDOC, "");
    }

    /** The folder of the project the document belongs to: the working tree, or a version written out of Git. */
    public Path projectRoot() {
        Path root = path;
        for (int i = 0; i < file.split("/").length; i++) root = root.getParent();
        return root;
    }
}
