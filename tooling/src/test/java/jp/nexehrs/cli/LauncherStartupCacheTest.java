package jp.nexehrs.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher's start-up cache (tooling/bin/java-options.sh, nexehrs_run_java), run by bash on a small jar of our
 * own with the JDK running this test ({@link LauncherHarness}): the first build records the cache beside the jar and moves it into place
 * whole; later commands run from it with nothing but the program's output on stdout; the exit status passes
 * through; a newer jar makes the next build record again; NEXEHRS_STARTUP_CACHE=off records nothing.
 */
class LauncherStartupCacheTest {
    @TempDir
    Path dir;

    @Test
    void firstBuildRecordsTheCacheAndLaterCommandsRunFromIt() throws Exception {
        Path jar = LauncherHarness.probeJar(dir);
        LauncherHarness.Run recording = LauncherHarness.launch(jar, Map.of(), "build", "3");
        assertEquals(3, recording.exitCode(), recording.stderr());
        assertEquals("probe build 3", recording.stdout().strip(), "only the program's output on stdout");
        assertTrue(recording.stderr().contains("records a start-up cache"), recording.stderr());
        Path cache = onlyCache();
        assertTrue(Files.size(cache) > 0, cache.toString());

        LauncherHarness.Run fromCache = LauncherHarness.launch(jar, Map.of(), "validate", "0");
        assertEquals(0, fromCache.exitCode(), fromCache.stderr());
        assertEquals("probe validate 0", fromCache.stdout().strip());
        assertEquals("", fromCache.stderr().strip(), "a cached start is silent");
    }

    @Test
    void aNewerJarIsRecordedAgain() throws Exception {
        Path jar = LauncherHarness.probeJar(dir);
        LauncherHarness.launch(jar, Map.of(), "build", "0");
        Path cache = onlyCache();
        // As if the jar had been rebuilt after the cache was recorded.
        Files.setLastModifiedTime(cache, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minusSeconds(5)));
        LauncherHarness.Run again = LauncherHarness.launch(jar, Map.of(), "build", "0");
        assertTrue(again.stderr().contains("records a start-up cache"), again.stderr());
        assertTrue(Files.getLastModifiedTime(onlyCache()).compareTo(Files.getLastModifiedTime(jar)) > 0);
    }

    @Test
    void offRecordsNothing() throws Exception {
        Path jar = LauncherHarness.probeJar(dir);
        LauncherHarness.Run run = LauncherHarness.launch(jar, Map.of("NEXEHRS_STARTUP_CACHE", "off"), "build", "0");
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
}
