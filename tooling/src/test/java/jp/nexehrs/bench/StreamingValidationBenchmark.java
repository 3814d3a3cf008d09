package jp.nexehrs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Proves the memory bound of {@code nexehrs validate} (issue 10): an implementer validates folders of 1x, 4x, 16x,
 * 64x JP Core 1.1.2's examples against the JP Core package, each run a fresh process with the JVM options the
 * launcher chooses (tooling/bin/java-options.sh, which counts the package whole but of the files only the largest,
 * one per core). Files are validated as they are read and dropped, so the heap cap stays the same at every size
 * and peak RSS should not grow with the number of files. Prints one table. Run it with
 * {@code tooling/bench/run-benchmarks.sh streaming [scales]}.
 */
public final class StreamingValidationBenchmark {
    private static final Set<String> NOT_EXAMPLES = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter",
            "CapabilityStatement", "ImplementationGuide", "NamingSystem", "OperationDefinition");

    private static final Pattern AFTER_GC = Pattern.compile("Pause Full .*->(\\d+)M\\(");

    record Result(int scale, int files, String heapCap, double wallSeconds, double cpuSeconds, long peakRssKb, long heapAfterGcMb,
                  int exitCode) {}

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]).toAbsolutePath().normalize();
        Path jpCore = Path.of(args[1]).toAbsolutePath().normalize();
        List<Integer> scales = args.length > 2 ? Stream.of(args[2].split(",")).map(Integer::parseInt).toList() : List.of(1, 4, 16, 64);
        Path packageFolder = jpCore.resolve("expected/snapshot");
        List<Path> examples;
        try (Stream<Path> files = Files.list(packageFolder.resolve("package"))) {
            examples = files.filter(p -> p.toString().endsWith(".json") && isExample(p)).sorted().toList();
        }
        Path work = Files.createTempDirectory("nexehrs-streaming");
        List<Result> results = new ArrayList<>();
        for (int scale : scales) {
            Path folder = work.resolve("x" + scale);
            for (int copy = 0; copy < scale; copy++) {
                Path copyFolder = Files.createDirectories(folder.resolve("copy-" + copy));
                for (Path example : examples) Files.copy(example, copyFolder.resolve(example.getFileName()));
            }
            System.err.println("validating " + scale + "x (" + scale * examples.size() + " files) ...");
            results.add(run(repository, packageFolder, folder, scale, scale * examples.size()));
        }
        System.out.println("| scale | files | -Xmx | wall s | CPU s | peak RSS MB | largest heap after a full GC, MB | files/s | exit |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Result r : results) {
            System.out.printf("| %dx | %d | %s | %.1f | %.1f | %d | %d | %.0f | %d |%n", r.scale(), r.files(), r.heapCap(), r.wallSeconds(),
                    r.cpuSeconds(), r.peakRssKb() / 1024, r.heapAfterGcMb(), r.files() / r.wallSeconds(), r.exitCode());
        }
        System.out.println("Largest heap after a full GC (-Xlog:gc): about what the run kept alive at its fullest. RSS follows the"
                + " cap instead, up to which the collector lets the heap grow before collecting it whole.");
        System.out.println("exit 1 would mean that some file has errors; every file is validated either way.");
    }

    private static boolean isExample(Path file) {
        String type = file.getFileName().toString().split("-", 2)[0];
        return !NOT_EXAMPLES.contains(type) && !file.getFileName().toString().startsWith("package");
    }

    private static Result run(Path repository, Path packageFolder, Path folder, int scale, int files) throws IOException, InterruptedException {
        List<String> arguments = List.of("validate", "-q", "--format", "json", "--package", packageFolder.toString(), folder.toString());
        List<String> javaOptions = launcherJavaOptions(repository, arguments);
        Path timeFile = Files.createTempFile("nexehrs-time", ".txt");
        Path gcLog = Files.createTempFile("nexehrs-gc", ".log");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString(), "java"));
        command.addAll(javaOptions);
        command.add("-Xlog:gc:file=" + gcLog);
        command.addAll(List.of("-jar", repository.resolve("tooling/target/nexehrs.jar").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int exit = process.waitFor();
        String[] time = Files.readString(timeFile).trim().split("\\s+");
        Files.deleteIfExists(timeFile);
        long heapAfterGc = AFTER_GC.matcher(Files.readString(gcLog)).results().mapToLong(m -> Long.parseLong(m.group(1))).max().orElse(0);
        Files.deleteIfExists(gcLog);
        int n = time.length;
        String heapCap = javaOptions.stream().filter(o -> o.startsWith("-Xmx")).findFirst().map(o -> o.substring(4)).orElse("none");
        return new Result(scale, files, heapCap, Double.parseDouble(time[n - 4]),
                Double.parseDouble(time[n - 3]) + Double.parseDouble(time[n - 2]), Long.parseLong(time[n - 1]), heapAfterGc, exit);
    }

    static List<String> launcherJavaOptions(Path repository, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && nexehrs_java_options \"$@\"",
                repository.resolve("tooling/bin/java-options.sh").toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String options = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) throw new IOException("tooling/bin/java-options.sh failed: " + options);
        return List.of(options.split("\\s+"));
    }
}
