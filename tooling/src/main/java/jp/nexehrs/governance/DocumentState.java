package jp.nexehrs.governance;

/**
 * What the pipeline read from one guideline document's AsciiDoc header.
 *
 * @param documentId the file name without extension, e.g. {@code 01-overview}
 * @param file       the document file relative to the project root, e.g. {@code spec/01-overview.adoc}
 * @param line       the line of the {@code :nexehrs-status:} attribute (or of the header when absent)
 * @param version    {@code :revnumber:}
 * @param status     {@code :nexehrs-status:} as written (checked against {@link DocumentStatus})
 * @param owner      {@code :nexehrs-owner:}, a committee (部会) or WG name
 */
public record DocumentState(String documentId, String file, int line, String title, String version, String status,
                            String owner) {

    /** The line of {@code :nexehrs-status:} in a document's text, else 1 (the header). */
    public static int statusLineIn(String text) {
        java.util.regex.Matcher status = java.util.regex.Pattern.compile("(?m)^:nexehrs-status:").matcher(text);
        return status.find() ? jp.nexehrs.util.TextPositions.lineAt(text, status.start()) : 1;
    }
}
