package jp.nexehrs.governance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The comment reconciliation table (パブリックコメント対応表) of one document as CSV for spreadsheets:
 * UTF-8 with a byte-order mark (without it Excel reads Japanese as Shift_JIS), CRLF line ends and RFC 4180
 * quoting.
 */
public final class ReconciliationCsv {
    /** The byte-order mark Excel looks for. */
    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static final List<String> HEADER = List.of("文書 Document", "番号 No.", "節 Section", "提出者 Commenter",
            "コメント Comment", "対応区分 Disposition", "対応内容 Resolution");

    private ReconciliationCsv() {
    }

    /**
     * The header row and one row per disposition of {@code documentId}, in file order; just the header when
     * the document has no dispositions.
     */
    public static byte[] export(Governance governance, String documentId) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        governance.commentsOn(documentId).ifPresent(log -> {
            for (CommentDisposition d : log.dispositions()) {
                row(csv, List.of(documentId, d.id(), d.section(), d.commenter(), d.comment(),
                        d.disposition().japanese() + " (" + d.disposition().yamlName() + ")", d.resolution()));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) csv.append(',');
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /**
     * One field, quoted when it holds a comma, quote, CR or LF (quotes doubled). Public comments are untrusted
     * text opened in Excel, so a field starting with = + - @ or a tab is prefixed with ' to stop it being run
     * as a formula (CSV injection).
     */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
