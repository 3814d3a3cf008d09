package jp.nexehrs.bench.jmh;

import jp.nexehrs.search.JapaneseTerms;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The search index's cost per document: Kuromoji's analysis (plus bigrams) of one guideline's whole text. */
@State(Scope.Benchmark)
public class SearchTermsBenchmark {
    /** Relative to tooling/, where the benchmark runs. */
    @Param("../spec/03-sharing.adoc")
    public String document;

    private String text;
    private final JapaneseTerms terms = new JapaneseTerms();

    @Setup
    public void read() throws IOException {
        text = Files.readString(Path.of(document));
    }

    @Benchmark
    public List<String> termsOfOneDocument() {
        return terms.terms(text);
    }
}
