package jp.nexehrs.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** JSON and XML highlighted from the parsers' tokens: every token in its class, the text unchanged, markup escaped. */
class CodeHighlighterTest {
    private final CodeHighlighter highlighter = new CodeHighlighter();

    @Test
    void jsonTokensGetTheirClassesAndTheTextReadsAsTheResource() {
        String json = "{\n  \"resourceType\": \"Patient\",\n  \"active\": true,\n  \"multipleBirthInteger\": 2,\n"
                + "  \"text\": {\"div\": \"<div>\\\"山田\\\" & co</div>\"},\n  \"x\": null\n}";
        String html = highlighter.json(json);
        Document page = Jsoup.parseBodyFragment("<pre>" + html + "</pre>");
        assertEquals(json, page.selectFirst("pre").wholeText(), "the reader sees (and copies) the resource as it is");
        assertEquals("\"resourceType\"", page.selectFirst("span.k").text());
        assertEquals("\"Patient\"", page.selectFirst("span.s").text());
        assertEquals("true", page.select("span.l").get(0).text());
        assertEquals("null", page.select("span.l").get(1).text());
        assertEquals("2", page.selectFirst("span.n").text());
        assertEquals("\"<div>\\\"山田\\\" & co</div>\"", page.select("span.s").get(1).text(), "escaped quotes stay inside the string");
        assertFalse(html.contains("<div>"), "markup in values is escaped: " + html);
    }

    @Test
    void xmlTagsAttributesAndTextGetTheirClasses() {
        String xml = "<Patient xmlns=\"http://hl7.org/fhir\">\n   <id value=\"a&amp;b\"/>\n   <text><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<p>山田 &lt;太郎&gt;</p></div></text>\n   <!-- note -->\n</Patient>";
        String html = highlighter.xml(xml);
        Document page = Jsoup.parseBodyFragment("<pre>" + html + "</pre>");
        String text = page.selectFirst("pre").wholeText();
        assertTrue(text.startsWith("<Patient xmlns=\"http://hl7.org/fhir\">\n   <id value=\"a&b\"/>"), text);
        assertTrue(text.contains("<p>山田 <太郎></p>"), text);
        assertTrue(text.endsWith("<!-- note -->\n</Patient>"), text);
        assertEquals("value", page.select("span.a").get(1).text());
        assertEquals("\"a&b\"", page.select("span.s").get(1).text());
        assertEquals("<Patient", page.selectFirst("span.t").text());
        assertEquals("山田 <太郎>", page.selectFirst("span.x").text());
        assertEquals("<!-- note -->", page.selectFirst("span.c").text());
        assertFalse(html.contains("<p>"), "markup in the resource is escaped");
    }

    @Test
    void textThatDoesNotParseIsShownEscapedNotLost() {
        assertEquals("&lt;a&gt;&lt;b&gt;&lt;/a&gt;", highlighter.xml("<a><b></a>"));
        String broken = "{\"a\": [1, <x>";
        String html = highlighter.json(broken);
        assertEquals(broken, Jsoup.parseBodyFragment("<pre>" + html + "</pre>").selectFirst("pre").wholeText());
        assertTrue(html.contains("&lt;x&gt;"), html);
    }
}
