package jp.nexehrs.search;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
    void theSameEntriesGiveTheSameIndexBytes() {
        List<SearchEntry> entries = List.of(new SearchEntry("02.html#a", "本人主体管理", "保管機関", "保管機関は本人記録の複製を預かる。"),
                new SearchEntry("04.html", "二次利用", "", "仮名化したデータを安全に二次利用する。"));
        byte[] first = new SearchIndex().build(entries);
        assertArrayEquals(first, new SearchIndex().build(entries));
        assertArrayEquals(first, new SearchIndex(2).build(entries), "the same index whatever the number of threads");
        String json = new String(first, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"保管\"") || json.contains("\"保管機関\""), json);
    }
}
