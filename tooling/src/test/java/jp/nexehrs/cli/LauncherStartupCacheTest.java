package jp.nexehrs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's start-up cache (tooling/bin/java-options.sh, nexehrs_run_java), run by bash on a small jar of our
 * own with the JDK running this test: the first build records the cache beside the jar and moves it into place
 * whole; later commands run from it with nothing but the program's output on stdout; the exit status passes
 * through; a newer jar makes the next build record again; NEXEHRS_STARTUP_CACHE=off records nothing.
 */
class LauncherStartupCacheTest {
    private static final Path SCRIPT = Path.of("bin/java-options.sh").toAbsolutePath();

    @TempDir
    Path dir;

    record Run(int exitCode, String stdout, String stderr) {}

    @Test
    void firstBuildRecordsTheCacheAndLaterCommandsRunFromIt() throws Exception {
        Path jar = probeJar();
        Run recording = launch(jar, Map.of(), "build", "3");
        assertEquals(3, recording.exitCode(), recording.stderr());
        assertEquals("probe build 3", recording.stdout().strip(), "only the program's output on stdout");
        assertTrue(recording.stderr().contains("records a start-up cache"), recording.stderr());
        Path cache = onlyCache();
        assertTrue(Files.size(cache) > 0, cache.toString());

        Run fromCache = launch(jar, Map.of(), "validate", "0");
        assertEquals(0, fromCache.exitCode(), fromCache.stderr());
        assertEquals("probe validate 0", fromCache.stdout().strip());
        assertEquals("", fromCache.stderr().strip(), "a cached start is silent");
    }

    @Test
    void aNewerJarIsRecordedAgain() throws Exception {
        Path jar = probeJar();
        launch(jar, Map.of(), "build", "0");
        Path cache = onlyCache();
        // As if the jar had been rebuilt after the cache was recorded.
        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(5)));
        Run again = launch(jar, Map.of(), "build", "0");
        assertTrue(again.stderr().contains("records a start-up cache"), again.stderr());
        assertTrue(Files.getLastModifiedTime(onlyCache()).compareTo(Files.getLastModifiedTime(jar)) > 0);
    }

    @Test
    void offRecordsNothing() throws Exception {
        Path jar = probeJar();
        Run run = launch(jar, Map.of("NEXEHRS_STARTUP_CACHE", "off"), "build", "0");
        assertEquals(0, run.exitCode(), run.stderr());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("probe.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    private Path onlyCache() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> others = files.filter(p -> !p.getFileName().toString().equals("probe.jar")).toList();
            assertEquals(1, others.size(), "one cache and no leftovers: " + others);
            assertTrue(others.get(0).getFileName().toString().matches("probe-jdk\\d+\\.(jsa|aot)"), others.toString());
            return others.get(0);
        }
    }

    private Path probeJar() throws IOException {
        Path jar = dir.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String classFile = LauncherProbe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream in = LauncherProbe.class.getClassLoader().getResourceAsStream(classFile)) {
            out.putNextEntry(new JarEntry(classFile));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private Run launch(Path jar, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source \"$0\" && nexehrs_run_java \"$@\"",
                SCRIPT.toString(), jar.toString(), "-Xmx64m", "--"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().remove("NEXEHRS_STARTUP_CACHE");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        // stderr stays small (a line or two), so reading stdout to its end first cannot block the launcher.
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), stdout, stderr);
    }
}
