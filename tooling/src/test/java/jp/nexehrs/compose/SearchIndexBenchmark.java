package jp.nexehrs.compose;

import jp.nexehrs.bench.BenchmarkProjects;
import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.search.SearchEntry;
import jp.nexehrs.search.SearchIndex;
import jp.nexehrs.testing.TestProjects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * The site's search index (issue 7): its size (bytes, and gzip as a web server would send it) and the time to
 * build it (entries from the converted documents and artifacts, Kuromoji analysis, JSON), for this repository's
 * spec and for the JP Core guide the build benchmark uses (JP Core 1.2.0's 20 pages, the 1.1.2 package). Time is
 * the building thread's CPU time, median of 7 runs after 3 warm-up runs, so that other load on the machine
 * matters less. Run (from the repository root, after {@code mvn -o test-compile -pl tooling} and
 * {@code mvn -o dependency:build-classpath -pl tooling -Dmdep.outputFile=/tmp/cp.txt}):
 * {@code java -cp tooling/target/test-classes:tooling/target/classes:$(cat /tmp/cp.txt) jp.nexehrs.compose.SearchIndexBenchmark .}
 */
public final class SearchIndexBenchmark {
    private static final int WARM_UP = 3;
    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path corpus = repository.resolveSibling("shared").resolve("corpus");
        Path work = Files.createTempDirectory("nexehrs-search-bench");
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"this spec", copyOfRepository(repository, work.resolve("spec")).toString()});
        if (Files.isDirectory(corpus.resolve("jp-core/input/pagecontent"))) {
            cases.add(new String[] {"JP Core (1.2.0 pages, 1.1.2 package)", new BenchmarkProjects(corpus).write(work.resolve("jpcore"), 1).toString()});
        } else {
            System.out.println("SKIPPED JP Core: no corpus at " + corpus);
        }
        System.out.println("| project | entries | index bytes | gzip bytes | build CPU ms (median of " + RUNS + ") |");
        System.out.println("| --- | ---: | ---: | ---: | ---: |");
        try (Toolkit toolkit = new Toolkit(2, 946684800L)) {
            for (String[] benchCase : cases) {
                Project project = new ProjectLoader(toolkit.fhir()).load(Path.of(benchCase[1]));
                Converted converted = new Converter(toolkit.fhir(), toolkit::documents, BuildCache.disabled(), toolkit.threads()).convert(project, true);
                ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
                List<Double> millis = new ArrayList<>();
                byte[] index = null;
                int entries = 0;
                for (int run = 0; run < WARM_UP + RUNS; run++) {
                    long start = cpu.getCurrentThreadCpuTime();
                    List<SearchEntry> list = SearchEntries.of(converted.documents(), converted.conformance(), converted.project().pagePaths());
                    index = new SearchIndex().build(list);
                    long spent = cpu.getCurrentThreadCpuTime() - start;
                    entries = list.size();
                    if (run >= WARM_UP) millis.add(spent / 1e6);
                }
                Collections.sort(millis);
                System.out.printf("| %s (%d documents, %d artifacts) | %,d | %,d | %,d | %.0f |%n", benchCase[0], converted.documents().size(),
                        converted.conformance().size(), entries, index.length, gzip(index).length, millis.get(RUNS / 2));
            }
        }
    }

    private static Path copyOfRepository(Path repository, Path target) throws IOException {
        for (String part : List.of("spec", "profiles", "governance", "site-template")) {
            if (Files.exists(repository.resolve(part))) TestProjects.copyTree(repository.resolve(part), target.resolve(part));
        }
        Files.copy(repository.resolve("nexehrs.yaml"), target.resolve("nexehrs.yaml"));
        return target;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }
}
