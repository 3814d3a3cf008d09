package jp.nexehrs.html;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw HTML policy: refuse what would run in a reader's browser, and sanitise anyway (README, Security). */
class HtmlPolicyTest {
    private final HtmlPolicy policy = new HtmlPolicy();

    @Test
    void markupThatRunsIsNamed() {
        assertEquals(List.of("<script> element"), policy.dangers("<p>a</p><script>alert(1)</script>"));
        assertEquals(List.of("onerror= event handler on <img>"), policy.dangers("<img src=\"x.png\" OnError=\"alert(1)\">"));
        assertEquals(List.of("javascript: URL in href of <a>"), policy.dangers("<a href=\" java\tscript:alert(1)\">x</a>"));
        assertEquals(List.of("vbscript: URL in src of <img>"), policy.dangers("<img src=\"VBScript:x\">"));
        assertEquals(List.of("<form> element", "data: URL in action of <form>"), policy.dangers("<form action=\"data:text/html,x\"></form>"));
        assertEquals(List.of("<iframe> element"), policy.dangers("<iframe></iframe><iframe></iframe>"), "each danger once");
    }

    @Test
    void ordinaryDocumentMarkupIsNotADanger() {
        assertEquals(List.of(), policy.dangers("<div class=\"sect1\"><h2 id=\"_a\">節</h2><p><a href=\"#_a\">リンク</a>"
                + "<a href=\"https://example.org/\">外部</a><img src=\"flow.png\" alt=\"流れ\"></p></div>"));
        assertEquals(List.of(), policy.dangers("<a href=\"data.html\">data</a><p title=\"onerror\">x</p>"),
                "only attributes named on..., and only script URLs, are dangers");
    }

    @Test
    void cleaningRemovesWhatRunsAndKeepsDocumentMarkup() {
        String clean = policy.clean("<p class=\"lead\" onclick=\"x()\">本文<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">悪</a><a href=\"03-sharing.html#_a\" target=\"_blank\">共用</a>");
        assertFalse(clean.contains("script"), clean);
        assertFalse(clean.contains("onclick"), clean);
        assertTrue(clean.contains("<p class=\"lead\">本文</p>"), clean);
        assertTrue(clean.contains("<a href=\"03-sharing.html#_a\" target=\"_blank\">共用</a>"), "relative links are kept: " + clean);
        assertTrue(clean.contains("<a>悪</a>"), clean);
    }

    @Test
    void elementTreeAttributesSurviveCleaning() {
        String html = "<table data-view=\"snapshot\"><tbody><tr data-element=\"Patient.name\" data-parent=\"Patient\" data-depth=\"1\""
                + " data-has-children=\"true\"><td colspan=\"2\">name</td></tr></tbody></table>";
        assertEquals(html, policy.clean(html));
    }
}
