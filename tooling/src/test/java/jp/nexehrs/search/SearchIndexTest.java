package jp.nexehrs.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index the site's search script reads: one doc per entry (url, title, section, snippet) and, per term, the
 * entries it occurs in with a weight: 5 per occurrence in the title, 3 in the section heading, 1 in the text.
 */
class SearchIndexTest {
    private static JsonNode build(SearchEntry... entries) throws Exception {
        return new ObjectMapper().readTree(new SearchIndex().build(List.of(entries)));
    }

    @Test
    void termsAreWeightedByWhereTheyOccurAndSummed() throws Exception {
        JsonNode index = build(new SearchEntry("a.html", "alpha", "beta", "gamma alpha gamma"),
                new SearchEntry("b.html#s", "delta", "", "beta"));
        assertEquals(1, index.get("version").asInt());
        JsonNode terms = index.get("terms");
        assertEquals("[[0,6]]", terms.get("alpha").toString(), "title 5 + text 1");
        assertEquals("[[0,3],[1,1]]", terms.get("beta").toString(), "section 3 in the first, text 1 in the second");
        assertEquals("[[0,2]]", terms.get("gamma").toString(), "twice in the text");
        assertEquals("[[1,5]]", terms.get("delta").toString());
        assertEquals(List.of("alpha", "beta", "delta", "gamma"), fieldNames(terms), "terms sorted, nothing else indexed");
    }

    @Test
    void eachDocHoldsUrlTitleSectionAndTheTextWithWhitespaceCollapsed() throws Exception {
        JsonNode docs = build(new SearchEntry("02.html#x", "題名", "節", "  一行目\n\n  二行目\t終わり  ")).get("docs");
        assertEquals(1, docs.size());
        assertEquals("[\"02.html#x\",\"題名\",\"節\",\"一行目 二行目 終わり\"]", docs.get(0).toString());
    }

    @Test
    void theSnippetIsCutAtItsLimitButTheWholeTextIsIndexed() throws Exception {
        String text = "a".repeat(SearchIndex.SNIPPET_CHARS) + " tailword";
        JsonNode index = build(new SearchEntry("p.html", "t", "", text));
        String snippet = index.get("docs").get(0).get(3).asText();
        assertEquals(SearchIndex.SNIPPET_CHARS, snippet.length());
        assertTrue(index.get("terms").has("tailword"), "words past the snippet are still found");
        JsonNode exact = build(new SearchEntry("p.html", "t", "", "b".repeat(SearchIndex.SNIPPET_CHARS))).get("docs").get(0);
        assertEquals(SearchIndex.SNIPPET_CHARS, exact.get(3).asText().length(), "a text of exactly the limit is kept whole");
    }

    @Test
    void noEntriesGiveAnEmptyIndex() throws Exception {
        JsonNode index = build();
        assertEquals(0, index.get("docs").size());
        assertEquals(0, index.get("terms").size());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
