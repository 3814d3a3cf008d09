package jp.nexehrs.bench;

import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.PackageReader;
import org.hl7.fhir.utilities.http.ManagedWebAccess;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Our validation side by side with the HL7 validator's own engine ({@link Hl7ReferenceEngine}) on the same files:
 * JP Core 1.1.2's 48 examples, repeated to N resources, each validated against its {@code meta.profile} with JP Core
 * as the package (ours reads the unpacked package folder, theirs loads the package's .tgz as the CLI's {@code -ig}).
 * Each engine runs in a fresh JVM started by this program with the same options, so that start-up, heap and JIT
 * are each engine's own; this JVM prints the comparison. For each: start-up to the first validated resource, one
 * warm-up pass over the 48 distinct examples, then N resources with 1, with 2 threads sharing the engine, and with
 * 1 thread again once the JIT is warm (res/s and CPU seconds per 1,000 resources), errors, peak RSS. Not a unit test; see tooling/BENCHMARKS.md:
 * <pre>
 * java -cp "tooling/target/test-classes:tooling/target/nexehrs.jar" jp.nexehrs.bench.SideBySideBenchmark \
 *      [jp-core-1.1.2 corpus folder] [resources]
 * </pre>
 */
public final class SideBySideBenchmark {
    private static final String RESULT = "RESULT ";
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-Xss4m", "-XX:+UseParallelGC");

    private SideBySideBenchmark() {
    }

    /** A validation engine under test: built by its constructor, then the number of errors of one resource. */
    private interface Engine {
        long errors(FhirSource source) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--engine")) {
            measure(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/jp-core-1.1.2").toAbsolutePath().normalize();
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        if (!Files.isDirectory(corpus.resolve("expected/snapshot/package"))) {
            System.err.println("side-by-side: no JP Core 1.1.2 corpus at " + corpus + " (expected/snapshot, expected/tgz)");
            System.exit(2);
        }
        System.out.printf("load average at start: %s%n", ValidationBenchmark.loadAverage());
        Map<String, String> ours = runChild("ours", corpus, total);
        Map<String, String> theirs = runChild("hl7", corpus, total);
        System.out.printf("load average at end: %s%n%n", ValidationBenchmark.loadAverage());
        printComparison(ours, theirs, total);
    }

    private static Map<String, String> runChild(String engine, Path corpus, int total) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SideBySideBenchmark.class.getName(),
                "--engine", engine, corpus.toString(), Integer.toString(total)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, String> result = new LinkedHashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("  [" + engine + "] " + line);
                if (!line.startsWith(RESULT)) continue;
                for (String pair : line.substring(RESULT.length()).split(" ")) {
                    int eq = pair.indexOf('=');
                    result.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || result.isEmpty()) throw new IllegalStateException("the " + engine + " engine's run failed (exit " + exit + ")");
        return result;
    }

    /** In the child JVM: builds one engine, validates, prints one RESULT line of key=value pairs. */
    private static void measure(String which, Path corpus, int total) throws Exception {
        Path packageFolder = corpus.resolve("expected/snapshot");
        List<FhirSource> examples = ValidationBenchmark.examples(packageFolder.resolve("package"));
        List<FhirSource> workload = new ArrayList<>();
        for (int i = 0; i < total; i++) workload.add(examples.get(i % examples.size()));
        if (which.equals("hl7")) prepareOfflineHome();

        Map<String, String> result = new LinkedHashMap<>();
        long start = System.nanoTime();
        long startCpu = ValidationBenchmark.processCpuNanos();
        Engine engine = which.equals("hl7") ? hl7Engine(corpus) : ourEngine(packageFolder);
        engine.errors(examples.get(0));
        result.put("startup_s", format(seconds(start)));
        result.put("startup_cpu_s", format(ValidationBenchmark.cpuSeconds(startCpu)));

        long warm = System.nanoTime();
        long warmErrors = 0;
        for (FhirSource example : examples) warmErrors += engine.errors(example);
        result.put("warmup_s", format(seconds(warm)));
        result.put("warmup_errors", Long.toString(warmErrors));

        // 1 thread, 2 threads, then 1 thread again: the first run also pays for the JIT compiling the engine's hot paths.
        String[] runs = {"t1", "t2", "t1warm"};
        for (String run : runs) {
            int threads = run.equals("t2") ? 2 : 1;
            long begin = System.nanoTime();
            long beginCpu = ValidationBenchmark.processCpuNanos();
            long errors = run(engine, workload, threads);
            double elapsed = seconds(begin);
            result.put(run + "_res_per_s", format(workload.size() / elapsed));
            result.put(run + "_cpu_s_per_1000", format(ValidationBenchmark.cpuSeconds(beginCpu) * 1000 / workload.size()));
            result.put(run + "_errors", Long.toString(errors));
        }
        result.put("peak_rss_mb", Long.toString(peakRssMb()));
        StringBuilder line = new StringBuilder(RESULT);
        result.forEach((key, value) -> line.append(key).append('=').append(value).append(' '));
        System.out.println(line.toString().trim());
    }

    /** The HL7 engine reads its packages from {@code <user.home>/.fhir/packages}: a seeded folder, never the network. */
    static void prepareOfflineHome() throws Exception {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "nexehrs-hl7-engine-home");
        System.setProperty("user.home", home.toString());
        ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
        long seeding = System.nanoTime();
        Hl7ReferenceEngine.seedPackageCache(home);
        System.out.printf("package cache %s ready (%.1f s, not counted in start-up)%n", home.resolve(".fhir/packages"), seconds(seeding));
    }

    private static Engine hl7Engine(Path corpus) throws Exception {
        Hl7ReferenceEngine engine = new Hl7ReferenceEngine(List.of(corpus.resolve("expected/tgz/jp-core.r4-1.1.2-snap.tgz")));
        return source -> engine.errors(source.file(), source.text());
    }

    private static Engine ourEngine(Path packageFolder) throws Exception {
        FhirEngine fhir = new FhirEngine();
        ConformanceSupport support = new ConformanceSupport(fhir);
        LoadedPackage jpCore = new PackageReader(fhir).read(packageFolder);
        new DependencyConformance(support, 1).register(List.of(jpCore));
        InstanceValidator validator = new InstanceValidator(support);
        return source -> validator.validate(source).stream().filter(f -> f.isError()).count();
    }

    private static long run(Engine engine, List<FhirSource> workload, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (FhirSource source : workload) futures.add(pool.submit(() -> engine.errors(source)));
            long errors = 0;
            for (Future<Long> future : futures) errors += future.get();
            return errors;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void printComparison(Map<String, String> ours, Map<String, String> theirs, int total) {
        System.out.printf("| %d resources (JP Core 1.1.2's 48 examples repeated) | nexehrs | HL7 ValidationEngine | nexehrs / HL7 |%n", total);
        System.out.println("| --- | ---: | ---: | ---: |");
        row("start-up to the first validated resource (s)", "startup_s", ours, theirs);
        row("start-up CPU (s)", "startup_cpu_s", ours, theirs);
        row("warm-up pass, 48 distinct examples (s)", "warmup_s", ours, theirs);
        row("1 thread, first run (resources/s)", "t1_res_per_s", ours, theirs);
        row("2 threads (resources/s)", "t2_res_per_s", ours, theirs);
        row("1 thread, JIT warm (resources/s)", "t1warm_res_per_s", ours, theirs);
        row("1 thread, first run: CPU s per 1,000 resources", "t1_cpu_s_per_1000", ours, theirs);
        row("2 threads: CPU s per 1,000 resources", "t2_cpu_s_per_1000", ours, theirs);
        row("1 thread, JIT warm: CPU s per 1,000 resources", "t1warm_cpu_s_per_1000", ours, theirs);
        row("errors in the 48 distinct examples", "warmup_errors", ours, theirs);
        System.out.printf("| errors in each run (1 thread / 2 threads / 1 thread warm) | %s | %s | |%n", errorsOfRuns(ours), errorsOfRuns(theirs));
        row("peak RSS (MB)", "peak_rss_mb", ours, theirs);
    }

    private static void row(String label, String key, Map<String, String> ours, Map<String, String> theirs) {
        double a = Double.parseDouble(ours.get(key));
        double b = Double.parseDouble(theirs.get(key));
        String ratio = b == 0 ? "-" : String.format("%.2f", a / b);
        System.out.printf("| %s | %s | %s | %s |%n", label, ours.get(key), theirs.get(key), ratio);
    }

    private static String errorsOfRuns(Map<String, String> result) {
        return result.get("t1_errors") + " / " + result.get("t2_errors") + " / " + result.get("t1warm_errors");
    }

    private static long peakRssMb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
        return -1;
    }

    private static String format(double value) {
        return String.format("%.1f", value);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
