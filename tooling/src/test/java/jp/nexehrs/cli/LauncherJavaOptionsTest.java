package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options ./nexehrs chooses (tooling/bin/java-options.sh), run by bash as the launcher runs them: the heap
 * cap grows with the input, short runs get the quick compiler only, and `serve` and large inputs the full JIT.
 */
class LauncherJavaOptionsTest {
    private static final Path SCRIPT = Path.of("bin/java-options.sh").toAbsolutePath();
    private static final String QUICK_JIT = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;

    @Test
    void smallProjectBuildGetsTheFloorHeapAndTheQuickCompiler() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        List<String> options = optionsFor(Map.of(), "build", "--project", project.toString());
        assertTrue(options.contains("-Xmx768m"), options.toString());
        assertTrue(options.contains(QUICK_JIT), options.toString());
        assertTrue(options.contains("-Djruby.compile.mode=OFF"), options.toString());
    }

    @Test
    void theBuildOutputNeverSizesTheHeap() throws Exception {
        // Issue 24: `build` on the command line named ./build/, and a 300 MB file there raised -Xmx to 2269m.
        Path project = TestProjects.copyMinimal(dir);
        writeMegabytes(project.resolve("build/site/huge.json"), 300);
        assertTrue(optionsFor(Map.of(), "build").contains("-Xmx768m"), "the word build is a command, not a folder");
        List<String> validate = optionsFor(Map.of(), "validate", "build", "build/site/huge.json");
        assertTrue(validate.contains("-Xmx768m") && validate.contains(QUICK_JIT), "build/ is output, never input: " + validate);
    }

    @Test
    void anNdjsonExportSizesTheRunButNotTheHeap() throws Exception {
        // It is read a line, one resource, at a time (issue 20): a large export must not raise the cap, or RSS grows with it.
        Path export = dir.resolve("exports/export.ndjson");
        writeMegabytes(export, 70);
        List<String> options = optionsFor(Map.of(), "validate", "-p", dir.toString(), export.toString());
        assertTrue(options.contains("-Xmx640m"), "the streamed-export floor, as for a small export: " + options);
        assertFalse(options.contains(QUICK_JIT), "a long run gets the full JIT: " + options);
    }

    /**
     * Issue 20: peak RSS must not grow with the export. The adaptive collector grew the heap towards the cap on a long
     * run; a streamed export gets a heap sized once (young generation fixed, -Xms = -Xmx) and the same JIT at any size.
     */
    @Test
    void anNdjsonExportOfAnySizeGetsAFixedHeapAndTheFullJit() throws Exception {
        Path small = dir.resolve("exports/small.ndjson");
        writeMegabytes(small, 1);
        Path large = dir.resolve("exports/large.ndjson.gz");
        writeMegabytes(large, 70);
        List<String> smallOptions = optionsFor(Map.of(), "validate", "-p", dir.toString(), small.toString());
        List<String> largeOptions = optionsFor(Map.of(), "validate", "-p", dir.toString(), large.toString());
        assertEquals(smallOptions, largeOptions, "the export's size changes nothing");
        for (String option : List.of("-Xms640m", "-Xmx640m", "-Xmn256m", "-XX:-UseAdaptiveSizePolicy", "-XX:SurvivorRatio=4",
                "-XX:+AlwaysPreTouch")) {
            assertTrue(smallOptions.contains(option), option + ": " + smallOptions);
        }
        assertFalse(smallOptions.contains(QUICK_JIT), "the full JIT, as for a large export: " + smallOptions);

        // A package is held parsed beside the export: it raises the (fixed) heap as it raises the cap elsewhere.
        Path packageFolder = Files.createDirectories(dir.resolve("ig/package"));
        writeMegabytes(packageFolder.resolve("StructureDefinition-a.json"), 10);
        List<String> withPackage = optionsFor(Map.of(), "validate", "--package", dir.resolve("ig").toString(), small.toString());
        assertTrue(withPackage.contains("-Xms690m") && withPackage.contains("-Xmx690m") && withPackage.contains("-Xmn256m"),
                withPackage.toString());
    }

    @Test
    void buildAndValidateOfFilesKeepTheAdaptiveHeap() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        Path file = dir.resolve("patient.json");
        Files.writeString(file, "{\"resourceType\":\"Patient\"}");
        for (List<String> options : List.of(optionsFor(Map.of(), "build", "--project", project.toString()),
                optionsFor(Map.of(), "validate", file.toString()))) {
            assertTrue(options.contains("-Xmx768m") && options.contains(QUICK_JIT), options.toString());
            assertFalse(options.stream().anyMatch(o -> o.startsWith("-Xms") || o.startsWith("-Xmn") || o.contains("AdaptiveSize")
                    || o.contains("PreTouch")), options.toString());
        }
    }

    @Test
    void serveKeepsTheFullJit() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        List<String> options = optionsFor(Map.of(), "serve", "-p", project.toString());
        assertFalse(options.contains(QUICK_JIT), options.toString());
    }

    @Test
    void largeInputRaisesTheHeapCapAndKeepsTheFullJit() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        writeMegabytes(project.resolve("profiles/examples/large.json"), 70);
        List<String> options = optionsFor(Map.of(), "build", "--project=" + project);
        // 768 MB floor + 1 MB per MB of the project's sources (70 MB and the fixture's few KB): they are kept as
        // compressed text and parsed when used, and parsed resources not in use are let go at each collection.
        assertTrue(options.contains("-Xmx838m"), options.toString());
        assertTrue(options.contains("-XX:SoftRefLRUPolicyMSPerMB=0"), options.toString());
        assertFalse(options.contains(QUICK_JIT), options.toString());
    }

    /**
     * `validate` reads its files one at a time per core and drops each once validated: only the largest (one per
     * core) count. Here 10 MB + a few 16 KB files on up to 8 cores: 768 + 5 x 10 MB. All 40 small files counted
     * would make it 821.
     */
    @Test
    void onlyTheLargestFilesGivenToValidateCountAsInput() throws Exception {
        Path resources = Files.createDirectories(dir.resolve("resources"));
        writeMegabytes(resources.resolve("bundle.json"), 10);
        for (int i = 0; i < 40; i++) Files.write(resources.resolve("patient-" + i + ".json"), new byte[16 * 1024]);
        List<String> options = optionsFor(Map.of(), "validate", resources.toString());
        assertTrue(options.contains("-Xmx818m"), options.toString());
    }

    /** A package given to `validate` is held whole while it is used: all of it counts. */
    @Test
    void packagesGivenToValidateCountWhole() throws Exception {
        Path packageFolder = Files.createDirectories(dir.resolve("jp-core/package"));
        writeMegabytes(packageFolder.resolve("StructureDefinition-a.json"), 5);
        writeMegabytes(packageFolder.resolve("StructureDefinition-b.json"), 5);
        List<String> options = optionsFor(Map.of(), "validate", "--package", dir.resolve("jp-core").toString(), "--profile", "x");
        assertTrue(options.contains("-Xmx818m"), options.toString());
        assertTrue(optionsFor(Map.of(), "validate", "--package=" + dir.resolve("jp-core")).contains("-Xmx818m"));
    }

    @Test
    void nexehrsJavaOptsReplacesEveryOption() throws Exception {
        List<String> options = optionsFor(Map.of("NEXEHRS_JAVA_OPTS", "-Xmx2g -Dexample=1"), "build");
        assertEquals(List.of("-Xmx2g", "-Dexample=1"), options);
    }

    /** An option's value is not an input: the result cache named by --cache-dir may be large, and is never walked or counted. */
    @Test
    void anOptionsValueIsNeverCountedAsInput() throws Exception {
        Path cache = dir.resolve("result-cache");
        writeMegabytes(cache.resolve("ab/entry"), 300);
        Path file = TestProjects.write(dir.resolve("files"), "patient.json", "{\"resourceType\": \"Patient\"}");
        Path ig = Files.createDirectories(dir.resolve("ig/package"));
        List<String> options = optionsFor(Map.of(), "validate", "-p", dir.toString(), "--package", ig.getParent().toString(),
                "--cache-dir", cache.toString(), "--format", "json", "--threads", "2", file.toString());
        assertTrue(options.contains("-Xmx768m") && options.contains(QUICK_JIT), "the cache is not input: " + options);
    }

    /** The launcher's list of options that take a value is the commands' own, so no value is ever taken for an input. */
    @Test
    void theLaunchersValueOptionsAreTheCommandsOwn() throws Exception {
        Set<String> declared = new TreeSet<>();
        valueOptions(Main.commandLine(), declared);
        declared.removeAll(List.of("--package", "--project", "-p"));
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        String listed = script.substring(script.indexOf("NEXEHRS_VALUE_OPTIONS=\"") + 23);
        Set<String> launcher = new TreeSet<>(Arrays.asList(listed.substring(0, listed.indexOf('"')).trim().split(" ")));
        assertEquals(declared, launcher);
    }

    /** The names of the options of {@code command} and its subcommands, at any depth, that take a value. */
    private static void valueOptions(CommandLine command, Set<String> names) {
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.arity().max() > 0) names.addAll(Arrays.asList(option.names()));
        }
        command.getSubcommands().values().forEach(subcommand -> valueOptions(subcommand, names));
    }

    private static void writeMegabytes(Path file, int megabytes) throws IOException {
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) ' ');
        Files.createDirectories(file.getParent());
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < megabytes; i++) out.write(block);
        }
    }

    private List<String> optionsFor(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$0\" && nexehrs_java_options \"$@\"", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("NEXEHRS_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), output);
        return List.of(output.split("\\s+"));
    }
}
