package jp.nexehrs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole-build benchmark (issue 10): runs {@code nexehrs build --timings} as a fresh process on each project,
 * cold (the build cache empty) and then warm, and prints one table: wall time per stage, process wall time, peak RSS (GNU time), resources/s, documents/s.
 * CPU s is user + system time; -Xmx the heap cap the launcher chooses for that input (tooling/bin/java-options.sh).
 * Cases: (a) this repository's spec, (b) JP Core 1.1.2 + JP Core 1.2.0's pages from the corpus, the same with its
 * profiles as differentials only (so that their snapshots are generated), (c) (b) repeated 1x, 4x, 16x, (d) a clinical guide of 300 conformance resources and 50 differential-only
 * profiles on JP Core and R4 ({@link SyntheticClinicalGuide}, issue 23). Run it with {@code tooling/bench/run-benchmarks.sh}.
 */
public final class BuildBenchmark {
    private static final Pattern STAGE = Pattern.compile("^\\s+(\\w[\\w ]*?)\\s+(\\d+) (ms|MB)$");

    record Case(String name, Path project, int resources, int documents) {}

    record Result(Case benchCase, String heapCap, Map<String, Long> stages, double wallSeconds, double cpuSeconds, long peakRssKb, int exitCode,
                  double warmWallSeconds) {}

    /** One process's figures. */
    private record Run(Map<String, Long> stages, double wallSeconds, double cpuSeconds, long peakRssKb, int exitCode) {}

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path jar = repository.resolve("tooling/target/nexehrs.jar");
        Path corpus = repository.resolveSibling("shared").resolve("corpus");
        Path work = Files.createTempDirectory("nexehrs-bench");
        List<Integer> scales = args.length > 1 ? Stream.of(args[1].split(",")).map(Integer::parseInt).toList() : List.of(1, 4, 16);

        List<Case> cases = new ArrayList<>();
        cases.add(count("(a) this spec", copyOfRepository(repository, work.resolve("a"))));
        if (Files.isDirectory(corpus)) {
            BenchmarkProjects projects = new BenchmarkProjects(corpus);
            cases.add(count("(b) JP Core 1.1.2 + 1.2.0 pages", projects.write(work.resolve("b"), 1)));
            cases.add(count("(b) as differentials", projects.writeDifferentials(work.resolve("b-differentials"))));
            for (int scale : scales) cases.add(count("(c) synthetic " + scale + "x", projects.write(work.resolve("c" + scale), scale)));
            cases.add(count("(d) clinical guide, 300 resources", new SyntheticClinicalGuide().write(work.resolve("d"),
                    SyntheticClinicalGuide.jpCorePackage(corpus))));
        } else {
            System.out.println("SKIPPED (b) and (c): no corpus at " + corpus);
        }
        List<Result> results = new ArrayList<>();
        for (Case benchCase : cases) {
            System.err.println("building " + benchCase.name() + " ...");
            results.add(run(repository, jar, benchCase));
        }
        print(results);
    }

    private static Case count(String name, Path project) throws IOException {
        int resources;
        int documents;
        try (Stream<Path> files = Files.walk(project.resolve("profiles"))) {
            resources = (int) files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml")).count();
        }
        try (Stream<Path> files = Files.walk(project.resolve("spec"))) {
            documents = (int) files.filter(p -> p.toString().endsWith(".adoc") && !p.getFileName().toString().startsWith("_")).count();
        }
        return new Case(name, project, resources, documents);
    }

    private static Path copyOfRepository(Path repository, Path target) throws IOException {
        for (String part : List.of("spec", "profiles", "governance", "site-template", "nexehrs.yaml")) {
            Path source = repository.resolve(part);
            if (!Files.exists(source)) continue;
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path file : walk.toList()) {
                    Path to = target.resolve(repository.relativize(file).toString());
                    if (Files.isDirectory(file)) Files.createDirectories(to);
                    else {
                        Files.createDirectories(to.getParent());
                        Files.copy(file, to);
                    }
                }
            }
        }
        return target;
    }

    /**
     * A cold build as a fresh process, with the JVM options the launcher would choose for that project and the build
     * cache on but empty (what a first build or CI gets), then a warm one: the same build again, everything cached.
     */
    private static Result run(Path repository, Path jar, Case benchCase) throws IOException, InterruptedException {
        List<String> javaOptions = launcherJavaOptions(repository, benchCase.project());
        Run cold = build(jar, javaOptions, benchCase);
        Run warm = build(jar, javaOptions, benchCase);
        String heapCap = javaOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst().map(o -> o.substring(4)).orElse("none");
        return new Result(benchCase, heapCap, cold.stages(), cold.wallSeconds(), cold.cpuSeconds(), cold.peakRssKb(), cold.exitCode(),
                warm.wallSeconds());
    }

    private static Run build(Path jar, List<String> javaOptions, Case benchCase) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile("nexehrs-time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString(), "java"));
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString(), "build", "--timings", "-q", "--project", benchCase.project().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        Map<String, Long> stages = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = STAGE.matcher(line);
            if (m.matches()) stages.put(m.group(1).trim(), Long.parseLong(m.group(2)));
        }
        if (exit > 1) System.err.println(benchCase.name() + " exited " + exit + ":\n" + output.lines().skip(Math.max(0, output.lines().count() - 20)).reduce("", (a, b) -> a + b + "\n"));
        String[] time = Files.readString(timeFile).trim().split("\\s+");
        Files.deleteIfExists(timeFile);
        int n = time.length;
        return new Run(stages, Double.parseDouble(time[n - 4]), Double.parseDouble(time[n - 3]) + Double.parseDouble(time[n - 2]),
                Long.parseLong(time[n - 1]), exit);
    }

    /** The launcher's own choice (tooling/bin/java-options.sh), so that the benchmark proves the cap users get. */
    private static List<String> launcherJavaOptions(Path repository, Path project) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "source \"$0\" && nexehrs_java_options build --project \"$1\"",
                repository.resolve("tooling/bin/java-options.sh").toString(), project.toString()).redirectErrorStream(true).start();
        String options = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) throw new IOException("tooling/bin/java-options.sh failed: " + options);
        return List.of(options.split("\\s+"));
    }

    private static void print(List<Result> results) {
        List<String> stageNames = List.of("load", "convert", "check", "compose", "produce", "publish");
        StringBuilder header = new StringBuilder(String.format("| %-32s | %5s | %4s |", "case", "files", "docs"));
        for (String stage : stageNames) header.append(String.format(" %8s |", stage + " ms"));
        header.append(String.format(" %7s | %6s | %8s | %8s | %7s | %7s | %4s | %11s |", "wall s", "CPU s", "-Xmx", "RSS MB", "res/s", "docs/s", "exit", "warm wall s"));
        System.out.println(header);
        System.out.println(header.toString().replaceAll("[^|]", "-"));
        for (Result r : results) {
            StringBuilder row = new StringBuilder(String.format("| %-32s | %5d | %4d |", r.benchCase().name(), r.benchCase().resources(), r.benchCase().documents()));
            for (String stage : stageNames) row.append(String.format(" %8s |", r.stages().getOrDefault(stage, 0L)));
            double checkSeconds = r.stages().getOrDefault("check", 0L) / 1000.0;
            double convertSeconds = r.stages().getOrDefault("convert", 0L) / 1000.0;
            row.append(String.format(" %7.1f | %6.1f | %8s | %8d | %7.1f | %7.1f | %4d | %11.1f |", r.wallSeconds(), r.cpuSeconds(), r.heapCap(), r.peakRssKb() / 1024,
                    checkSeconds > 0 ? r.benchCase().resources() / checkSeconds : 0, convertSeconds > 0 ? r.benchCase().documents() / convertSeconds : 0,
                    r.exitCode(), r.warmWallSeconds()));
            System.out.println(row);
        }
        System.out.println("res/s: resource files / check-stage seconds; docs/s: documents / convert-stage seconds (which includes snapshots).");
        System.out.println("exit 1 means the build found content errors in that input (it still ran every stage).");
        System.out.println("Stages, wall, CPU and RSS are of the cold build (build cache on and empty, as on a first build or in CI);"
                + " warm wall s is the same build run again, everything in the cache.");
    }
}
