package jp.nexehrs.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code nexehrs validate --package} at scale (issues 20 and 23), each run a fresh process with the launcher's JVM
 * options, timed with /usr/bin/time, the load average printed beside each figure (the machine is shared):
 * <ol>
 *   <li>NDJSON exports of the given sizes made from this repository's examples (Bundles left out: "small resources";
 *       ids made unique), validated on 2 threads without the cache: wall time, resources/s, peak RSS;</li>
 *   <li>the smallest size as 4 shards, merged with {@code nexehrs merge}, compared byte for byte with the unsharded
 *       report;</li>
 *   <li>the HL7 ValidationEngine (in a child JVM, package cache seeded offline) on the smallest size's resources split
 *       into one file each, 2 threads;</li>
 *   <li>JP Core 1.1.2's examples repeated to the given count: ours cold (empty result cache), warm (the same files
 *       again), and the HL7 engine.</li>
 * </ol>
 * Run it with {@code tooling/bench/run-benchmarks.sh ndjson [sizes] [jp-core count]}.
 */
public final class NdjsonValidationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Timed(double wallSeconds, long peakRssMb, int exitCode, String load) {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--hl7")) {
            hl7(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        Path repository = Path.of(args[0]).toAbsolutePath().normalize();
        Path packageFile = Path.of(args[1]).toAbsolutePath().normalize();
        List<Integer> sizes = Stream.of((args.length > 2 ? args[2] : "10000,100000").split(",")).map(Integer::parseInt).sorted().toList();
        int jpCoreCount = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Path work = Files.createTempDirectory("nexehrs-ndjson-bench");
        List<String> examples = examples(repository.resolve("profiles/examples"));
        System.out.printf("%d example resources from profiles/examples (Bundles left out); package %s%n", examples.size(), packageFile.getFileName());

        System.out.println();
        System.out.println("| resources | wall s | resources/s | peak RSS MB | exit | load average (1, 5, 15 min) |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | --- |");
        double previousWall = 0;
        int previousSize = 0;
        List<String> marginal = new ArrayList<>();
        for (int size : sizes) {
            Path ndjson = work.resolve("export-" + size + ".ndjson");
            write(ndjson, examples, size);
            Timed run = nexehrs(repository, work.resolve("ours-" + size + ".json"), "validate", "-q", "--no-cache", "--threads", "2",
                    "--format", "json", "--package", packageFile.toString(), ndjson.toString());
            System.out.printf("| %,d | %.1f | %.0f | %d | %d | %s |%n", size, run.wallSeconds(), size / run.wallSeconds(), run.peakRssMb(),
                    run.exitCode(), run.load());
            if (previousSize > 0) {
                marginal.add(String.format("%,d -> %,d: %.0f resources/s", previousSize, size, (size - previousSize) / (run.wallSeconds() - previousWall)));
            }
            previousWall = run.wallSeconds();
            previousSize = size;
        }
        if (!marginal.isEmpty()) System.out.println("Between sizes (start-up cancelled out): " + String.join("; ", marginal));

        int small = sizes.get(0);
        Path ndjson = work.resolve("export-" + small + ".ndjson");
        List<String> shardReports = new ArrayList<>();
        double shardWall = 0;
        for (int k = 1; k <= 4; k++) {
            Path report = work.resolve("shard-" + k + ".json");
            shardWall += nexehrs(repository, report, "validate", "-q", "--no-cache", "--threads", "2", "--format", "json", "--shard", k + "/4",
                    "--package", packageFile.toString(), ndjson.toString()).wallSeconds();
            shardReports.add(report.toString());
        }
        List<String> merge = new ArrayList<>(List.of("merge"));
        merge.addAll(shardReports);
        Path merged = work.resolve("merged.json");
        nexehrs(repository, merged, merge.toArray(String[]::new));
        boolean equal = Files.readString(merged).equals(Files.readString(work.resolve("ours-" + small + ".json")));
        System.out.printf("%n4 shards of %,d resources, one after the other: %.1f s in all; merged report equal to the unsharded one: %s%n",
                small, shardWall, equal ? "yes (byte for byte)" : "NO");

        Path split = work.resolve("split-" + small);
        splitIntoFiles(ndjson, split);
        Timed peer = hl7Child(packageFile, split);
        System.out.printf("HL7 ValidationEngine, the same %,d resources as files, 2 threads: %.1f s, %.0f resources/s, peak RSS %d MB (load %s)%n",
                small, peer.wallSeconds(), small / peer.wallSeconds(), peer.peakRssMb(), peer.load());

        Path jpCore = repository.resolveSibling("shared/corpus/jp-core-1.1.2");
        if (!Files.isDirectory(jpCore)) jpCore = repository.getParent().resolve("shared/corpus/jp-core-1.1.2");
        if (!Files.isDirectory(jpCore.resolve("expected/snapshot/package"))) {
            System.out.println("no JP Core 1.1.2 corpus: the cold/warm comparison is skipped");
            return;
        }
        Path jpFiles = work.resolve("jp-core-" + jpCoreCount);
        copyJpCoreExamples(jpCore.resolve("expected/snapshot/package"), jpFiles, jpCoreCount);
        Path cache = work.resolve("result-cache");
        String[] ours = {"validate", "-q", "--threads", "2", "--cache-dir", cache.toString(), "--format", "json",
                "--package", jpCore.resolve("expected/snapshot").toString(), jpFiles.toString()};
        Timed cold = nexehrs(repository, work.resolve("jp-cold.json"), ours);
        Timed warm = nexehrs(repository, work.resolve("jp-warm.json"), ours);
        Timed hl7 = hl7Child(jpCore.resolve("expected/tgz/jp-core.r4-1.1.2-snap.tgz"), jpFiles);
        boolean same = Files.readString(work.resolve("jp-cold.json")).equals(Files.readString(work.resolve("jp-warm.json")));
        System.out.println();
        System.out.printf("| %d JP Core 1.1.2 examples, 2 threads | wall s | peak RSS MB | HL7 / ours | load average |%n", jpCoreCount);
        System.out.println("| --- | ---: | ---: | ---: | --- |");
        System.out.printf("| nexehrs validate, cold (empty result cache) | %.1f | %d | %.1fx | %s |%n", cold.wallSeconds(), cold.peakRssMb(),
                hl7.wallSeconds() / cold.wallSeconds(), cold.load());
        System.out.printf("| nexehrs validate, warm (the same files again) | %.1f | %d | %.1fx | %s |%n", warm.wallSeconds(), warm.peakRssMb(),
                hl7.wallSeconds() / warm.wallSeconds(), warm.load());
        System.out.printf("| HL7 ValidationEngine (cold JVM, engine built, files validated) | %.1f | %d | 1.0x | %s |%n", hl7.wallSeconds(),
                hl7.peakRssMb(), hl7.load());
        System.out.println("warm report equal to the cold one: " + (same ? "yes" : "NO"));
    }

    /** One line per resource, ids made unique so that every line is a resource of its own. */
    private static void write(Path ndjson, List<String> examples, int size) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8)) {
            for (int i = 0; i < size; i++) {
                ObjectNode resource = (ObjectNode) JSON.readTree(examples.get(i % examples.size()));
                resource.put("id", resource.path("id").asText("r") + "-" + i);
                out.write(JSON.writeValueAsString(resource));
                out.write('\n');
            }
        }
    }

    private static List<String> examples(Path folder) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                if (!file.getFileName().toString().startsWith("Bundle-")) texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    private static void splitIntoFiles(Path ndjson, Path folder) throws IOException {
        Files.createDirectories(folder);
        int line = 0;
        for (String text : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            Files.writeString(folder.resolve(String.format("line-%07d.json", ++line)), text);
        }
    }

    private static void copyJpCoreExamples(Path packageFolder, Path target, int count) throws IOException {
        List<Path> examples = ValidationBenchmark.examples(packageFolder).stream().map(s -> packageFolder.resolve(Path.of(s.file()).getFileName())).toList();
        for (int i = 0; i < count; i++) {
            Path copy = Files.createDirectories(target.resolve("copy-" + i / examples.size()));
            Path example = examples.get(i % examples.size());
            Files.copy(example, copy.resolve(example.getFileName()));
        }
    }

    /** Runs the jar with the launcher's JVM options, standard output to {@code out}; wall time and peak RSS. */
    private static Timed nexehrs(Path repository, Path out, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(StreamingValidationBenchmark.launcherJavaOptions(repository, List.of(arguments)));
        command.addAll(List.of("-jar", repository.resolve("tooling/target/nexehrs.jar").toString()));
        command.addAll(List.of(arguments));
        return timed(command, out);
    }

    private static Timed hl7Child(Path ig, Path folder) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"),
                NdjsonValidationBenchmark.class.getName(), "--hl7", ig.toString(), folder.toString()));
        return timed(command, Path.of("/dev/null"));
    }

    private static Timed timed(List<String> command, Path out) throws IOException, InterruptedException {
        String load = ValidationBenchmark.loadAverage();
        Path timeFile = Files.createTempFile("nexehrs-time", ".txt");
        List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M", "-o", timeFile.toString()));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        String[] time = Files.readString(timeFile).trim().split("\\s+");
        Files.deleteIfExists(timeFile);
        int n = time.length;
        return new Timed(Double.parseDouble(time[n - 2]), Long.parseLong(time[n - 1]) / 1024, exit, load);
    }

    /** In the child JVM: the HL7 engine with the package, every .json file under the folder on 2 threads. */
    private static void hl7(Path ig, Path folder) throws Exception {
        SideBySideBenchmark.prepareOfflineHome();
        Hl7ReferenceEngine engine = new Hl7ReferenceEngine(List.of(ig));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".json")).sorted().toList();
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<Long>> futures = new ArrayList<>();
            for (Path file : files) futures.add(pool.submit(() -> engine.errors(file.toString(), Files.readString(file))));
            long errors = 0;
            for (var future : futures) errors += future.get();
            System.out.println("hl7 errors=" + errors + " files=" + files.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
