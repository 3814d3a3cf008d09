package jp.nexehrs.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index's terms come from Kuromoji and are normalised so that width and kana differences do not matter. */
class JapaneseTermsTest {
    private final JapaneseTerms terms = new JapaneseTerms();

    @Test
    void kuromojiSplitsWordsAndDropsParticles() {
        List<String> found = terms.terms("仮名化した情報を二次利用する");
        assertTrue(found.contains("仮名"), found.toString());
        assertTrue(found.contains("二次"), found.toString());
        assertFalse(found.contains("を"), "particles are not terms: " + found);
    }

    @Test
    void halfWidthFullWidthKatakanaAndHiraganaGiveTheSameTerms() {
        List<String> fullWidth = terms.terms("クラウド");
        assertEquals(fullWidth, terms.terms("ｸﾗｳﾄﾞ"));
        assertTrue(fullWidth.containsAll(List.of("くら", "らう", "うど")), "kana folded to hiragana, with bigrams: " + fullWidth);
        assertEquals(JapaneseTerms.normalise("ＦＨＩＲ　プロファイル"), JapaneseTerms.normalise("fhir ぷろふぁいる"));
    }

    @Test
    void japaneseRunsAlsoGiveBigrams() {
        assertEquals(List.of("本人", "人主", "主体"), JapaneseTerms.bigrams("本人主体"));
        assertEquals(List.of("仮"), JapaneseTerms.bigrams("a 仮 b"));
    }

    @Test
    void theSameEntriesGiveTheSameIndexBytes() throws Exception {
        List<SearchEntry> entries = List.of(new SearchEntry("02.html#a", "本人主体管理", "保管機関", "保管機関は本人記録の複製を預かる。"),
                new SearchEntry("04.html", "二次利用", "", "仮名化したデータを安全に二次利用する。"));
        byte[] first = new SearchIndex().build(entries);
        assertArrayEquals(first, new SearchIndex().build(entries));
        assertArrayEquals(first, new SearchIndex(2).build(entries), "the same index whatever the number of threads");
        // The section name 保管機関 is also written into the docs list, so look in the terms map, not the raw text.
        JsonNode postings = new ObjectMapper().readTree(first).path("terms").path("保管");
        assertEquals(1, postings.size(), "保管 is a term of one entry: " + postings);
        assertEquals(0, postings.get(0).get(0).asInt(), "the first entry, whose section and text hold it: " + postings);
    }

    @Test
    void katakanaFromSmallAToSmallKeFoldsToHiraganaAndNothingElseDoes() {
        assertEquals("\u3041", JapaneseTerms.foldKana("\u30A1"), "ァ, the first katakana folded");
        assertEquals("\u3096", JapaneseTerms.foldKana("\u30F6"), "ヶ, the last");
        assertEquals("\u30A0\u30F7ー", JapaneseTerms.foldKana("\u30A0\u30F7ー"), "outside the range: kept");
        assertEquals("abc漢", JapaneseTerms.foldKana("abc漢"));
    }

    @Test
    void japaneseRunsIncludeTheLongVowelMarkAndRepetitionMarkButNotLatinOrDigits() {
        assertEquals(List.of("ろー", "ーど"), JapaneseTerms.bigrams("ろーど"));
        assertEquals(List.of("人々"), JapaneseTerms.bigrams("人々"));
        assertEquals(List.of("㐀"), JapaneseTerms.bigrams("1㐀2"), "CJK extension A is Japanese text too");
        assertEquals(List.of(), JapaneseTerms.bigrams("fhir 4.0.1"));
        assertEquals(List.of("あい", "う"), JapaneseTerms.bigrams("あいxう"), "each run on its own");
    }
}
