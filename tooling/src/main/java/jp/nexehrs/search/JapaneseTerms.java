package jp.nexehrs.search;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns Japanese (and English) text into search terms the same way for the index and, mirrored in the site's
 * search script, for the query: NFKC (full and half width alike), lower case, katakana folded to hiragana;
 * Kuromoji's morphological analysis in search mode (compounds also split), base forms, particles and
 * punctuation dropped; plus character bigrams of every Japanese run, so that a query the script cannot segment
 * the same way still finds the text.
 */
public final class JapaneseTerms {

    /** One tokenizer per call: Lucene's tokenizers are not thread-safe, and they are cheap once the dictionary is loaded. */
    public List<String> terms(String text) {
        String normal = normalise(text);
        List<String> terms = new ArrayList<>();
        try (JapaneseTokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH)) {
            tokenizer.setReader(new StringReader(normal));
            try (TokenStream stream = new LowerCaseFilter(new JapaneseBaseFormFilter(
                    new JapanesePartOfSpeechStopFilter(tokenizer, JapaneseAnalyzer.getDefaultStopTags())))) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) terms.add(foldKana(term.toString()));
                stream.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text for the search index", e);
        }
        terms.addAll(bigrams(normal));
        return terms;
    }

    /** NFKC, lower case, katakana as hiragana: the form both the index and the query are compared in. */
    public static String normalise(String text) {
        return foldKana(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT));
    }

    static String foldKana(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // ァ (U+30A1) .. ヶ (U+30F6) map onto ぁ (U+3041) .. ゖ (U+3096)
            out.append(c >= '\u30A1' && c <= '\u30F6' ? (char) (c - 0x60) : c);
        }
        return out.toString();
    }

    /** Bigrams of each run of Japanese characters (kana, kanji); a lone character is its own term. */
    static List<String> bigrams(String normal) {
        List<String> grams = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normal.length(); i++) {
            boolean japanese = i < normal.length() && isJapanese(normal.charAt(i));
            if (japanese && start < 0) start = i;
            if (!japanese && start >= 0) {
                String run = normal.substring(start, i);
                if (run.length() == 1) grams.add(run);
                for (int j = 0; j + 2 <= run.length(); j++) grams.add(run.substring(j, j + 2));
                start = -1;
            }
        }
        return grams;
    }

    static boolean isJapanese(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS || block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A
                || c == 'ー' || c == '々';
    }
}
