package jp.nexehrs.governance;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconciliationCsvTest {
    private static Governance withDispositions(CommentDisposition... dispositions) {
        CommentLog log = new CommentLog("01-overview", "0.1.0", List.of(dispositions),
                new Origin("governance/comments/01-overview.yaml", 1, 1));
        return new Governance(List.of(), List.of(), List.of(), List.of(log), GovernanceSettings.defaults());
    }

    private static CommentDisposition disposition(String comment, String resolution) {
        return new CommentDisposition("C-001", "1.2 基本", "匿名", comment, Disposition.ACCEPTED, resolution,
                new Origin("governance/comments/01-overview.yaml", 3, 5));
    }

    @Test
    void startsWithBomThenHeaderAndEndsRowsWithCrlf() {
        byte[] csv = ReconciliationCsv.export(withDispositions(disposition("意見", "対応")), "01-overview");
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals("文書 Document,番号 No.,節 Section,提出者 Commenter,コメント Comment,対応区分 Disposition,対応内容 Resolution\r\n"
                + "01-overview,C-001,1.2 基本,匿名,意見,採用 (accepted),対応\r\n", text);
    }

    @Test
    void quotesCommasQuotesAndNewlinesPerRfc4180() {
        byte[] csv = ReconciliationCsv.export(withDispositions(
                disposition("a, b と \"引用\"", "1行目\n2行目")), "01-overview");
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String row = text.substring(text.indexOf("\r\n") + 2);
        assertEquals("01-overview,C-001,1.2 基本,匿名,\"a, b と \"\"引用\"\"\",採用 (accepted),\"1行目\n2行目\"\r\n", row);
    }

    @Test
    void formulaLikeFieldsCannotRunInExcel() {
        assertEquals("'=1+1", ReconciliationCsv.field("=1+1"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", ReconciliationCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("'-2", ReconciliationCsv.field("-2"));
        assertEquals("'+1", ReconciliationCsv.field("+1"));
        assertEquals("'@SUM(A1)", ReconciliationCsv.field("@SUM(A1)"));
        assertEquals("普通の文", ReconciliationCsv.field("普通の文"));
        assertEquals("", ReconciliationCsv.field(null));
    }

    @Test
    void aDocumentWithoutDispositionsGetsOnlyTheHeader() {
        String text = new String(ReconciliationCsv.export(Governance.empty(), "02-person-centred-record"),
                StandardCharsets.UTF_8);
        assertEquals(1, text.split("\r\n", -1).length - 1);
    }
}
