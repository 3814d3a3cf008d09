package jp.nexehrs.bench;

import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.PackageReader;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Validation throughput and start-up on the 48 JP Core 1.1.2 examples repeated to 1,000 resources, with JP Core
 * as the package: start-up (FHIR context, package read, dependency snapshots, validator, first resource), then
 * resources per second and CPU seconds per 1,000 resources with 1, 2, then 1 thread again (JIT warm), sharing one
 * validator, then the process's peak RSS. Not a unit test (run it as a program; see tooling/BENCHMARKS.md):
 * <pre>
 * java -cp "tooling/target/test-classes:tooling/target/classes:$(cat /tmp/nexehrs-cp.txt)" \
 *      jp.nexehrs.bench.ValidationBenchmark [jp-core-package-folder] [resources]
 * </pre>
 */
public final class ValidationBenchmark {
    private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter",
            "NamingSystem", "CapabilityStatement", "ImplementationGuide", "package.json");

    private ValidationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path packageFolder = Path.of(args.length > 0 ? args[0] : "../shared/corpus/jp-core-1.1.2/expected/snapshot");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        List<FhirSource> examples = examples(packageFolder.resolve("package"));
        List<FhirSource> workload = new ArrayList<>();
        for (int i = 0; i < total; i++) workload.add(examples.get(i % examples.size()));

        System.out.printf("load average at start: %s%n", loadAverage());
        long start = System.nanoTime();
        long startCpu = processCpuNanos();
        FhirEngine engine = new FhirEngine();
        ConformanceSupport support = new ConformanceSupport(engine);
        LoadedPackage jpCore = new PackageReader(engine).read(packageFolder);
        new DependencyConformance(support, 1).register(List.of(jpCore));
        InstanceValidator validator = new InstanceValidator(support);
        validator.validate(examples.get(0));
        double startup = seconds(start);
        System.out.printf("start-up to the first validated resource (context, %s, validator): %.1f s (%.1f CPU s)%n",
                jpCore.label(), startup, cpuSeconds(startCpu));

        // One pass over the distinct examples warms the validator's caches, as a build's first files do.
        long warm = System.nanoTime();
        long warmCpu = processCpuNanos();
        for (FhirSource example : examples) validator.validate(example);
        System.out.printf("warm-up pass (%d distinct examples): %.1f s (%.1f CPU s)%n", examples.size(), seconds(warm), cpuSeconds(warmCpu));

        // 1 thread again at the end: by then the JIT has compiled the validator's hot paths (the first run pays for it).
        for (int threads : new int[] {1, 2, 1}) {
            long begin = System.nanoTime();
            long beginCpu = processCpuNanos();
            long errors = run(validator, workload, threads);
            double elapsed = seconds(begin);
            double cpu = cpuSeconds(beginCpu);
            // CPU seconds (all threads: validation, GC, JIT) are less sensitive than wall time to other load on the machine.
            System.out.printf("%d thread(s): %d resources in %.1f s = %.1f resources/s (%d errors); %.1f CPU s = %.1f CPU s per 1,000 resources%n",
                    threads, workload.size(), elapsed, workload.size() / elapsed, errors, cpu, cpu * 1000 / workload.size());
        }
        System.out.printf("peak RSS: %s; max heap: %d MB%n", peakRss(), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static long run(InstanceValidator validator, List<FhirSource> workload, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (FhirSource source : workload) {
                futures.add(pool.submit(() -> validator.validate(source).stream().filter(f -> f.isError()).count()));
            }
            long errors = 0;
            for (Future<Long> future : futures) errors += future.get();
            return errors;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<FhirSource> examples(Path folder) throws IOException {
        List<FhirSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (CONFORMANCE.contains(name.split("-")[0])) continue;
                String text = Files.readString(file, StandardCharsets.UTF_8);
                sources.add(new FhirSource(name, FhirSource.Role.EXAMPLE, ResourceFormat.JSON, text, null, name.split("-")[0], "", "", List.of()));
            }
        }
        return sources;
    }

    private static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return line.substring("VmHWM:".length()).trim();
        }
        return "unknown (no /proc/self/status)";
    }

    /** CPU time of the whole process (every thread, GC and JIT included). */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static double cpuSeconds(long sinceCpuNanos) {
        return (processCpuNanos() - sinceCpuNanos) / 1e9;
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
