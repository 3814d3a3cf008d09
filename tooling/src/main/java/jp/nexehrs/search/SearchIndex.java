package jp.nexehrs.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.util.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's full-text index, built at build time: entries (url, title, section, snippet) and, per term, the
 * entries it occurs in with a weight (title and section terms count more than body terms). Written as one JSON
 * file that the site's search script reads; sorted, so the same site gives the same bytes.
 */
public final class SearchIndex {
    static final int SNIPPET_CHARS = 600;
    private static final int TITLE_WEIGHT = 5;
    private static final int SECTION_WEIGHT = 3;
    private final JapaneseTerms analyser = new JapaneseTerms();
    private final Parallel parallel;

    public SearchIndex() {
        this(1);
    }

    /** @param threads threads analysing entries (Kuromoji); the index is the same whatever their number */
    public SearchIndex(int threads) {
        this.parallel = new Parallel(threads);
    }

    /** One entry's snippet text and its terms by where they occur. */
    private record Analysed(String text, List<String> titleTerms, List<String> sectionTerms, List<String> textTerms) {}

    public byte[] build(List<SearchEntry> entries) {
        List<Analysed> analysed = parallel.map(entries, entry -> {
            String text = entry.text().replaceAll("\\s+", " ").trim();
            return new Analysed(text, analyser.terms(entry.title()), analyser.terms(entry.section()), analyser.terms(text));
        });
        List<List<String>> docs = new ArrayList<>();
        Map<String, Map<Integer, Integer>> postings = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            SearchEntry entry = entries.get(i);
            String text = analysed.get(i).text();
            docs.add(List.of(entry.url(), entry.title(), entry.section(), text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) : text));
            add(postings, i, analysed.get(i).titleTerms(), TITLE_WEIGHT);
            add(postings, i, analysed.get(i).sectionTerms(), SECTION_WEIGHT);
            add(postings, i, analysed.get(i).textTerms(), 1);
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("version", 1);
        index.put("docs", docs);
        Map<String, List<int[]>> terms = new TreeMap<>();
        postings.forEach((term, byDoc) -> {
            List<int[]> list = new ArrayList<>();
            new TreeMap<>(byDoc).forEach((doc, weight) -> list.add(new int[]{doc, weight}));
            terms.put(term, list);
        });
        index.put("terms", terms);
        try {
            return new ObjectMapper().writeValueAsBytes(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(Map<String, Map<Integer, Integer>> postings, int doc, List<String> terms, int weight) {
        for (String term : terms) {
            if (term.isBlank()) continue;
            postings.computeIfAbsent(term, t -> new TreeMap<>()).merge(doc, weight, Integer::sum);
        }
    }
}
