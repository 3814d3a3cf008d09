package jp.nexehrs.convert;

import jp.nexehrs.load.DocumentSource;

import java.util.List;

/**
 * A guideline document converted to an HTML body fragment, with the header attributes the site and the
 * governance checks need.
 */
public record ConvertedDocument(DocumentSource source, String title, String htmlBody, Header header,
                                List<Heading> headings, List<String> linkedArtifacts) {

    public ConvertedDocument {
        headings = List.copyOf(headings);
        linkedArtifacts = List.copyOf(linkedArtifacts);
    }

    /** {@code :revnumber:}, {@code :nexehrs-status:}, {@code :nexehrs-owner:}, {@code :description:}; empty when absent. */
    public record Header(String version, String status, String owner, String description) {}

    /** A section heading, for the in-page table of contents. */
    public record Heading(String id, String title, int level) {}

    /** The document's id: its file name without the extension, e.g. {@code 03-sharing}. */
    public String id() {
        String page = source.pagePath();
        return page.substring(0, page.length() - ".html".length());
    }
}
