package jp.nexehrs.hostile;

import jp.nexehrs.publish.BuildLock;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The process side of issue 11: a build killed with SIGKILL, two builds at once, an unwritable output folder, a
 * full disk. Each time the last good site and package must survive intact. Builds that must be killed or run
 * beside another run as real separate processes of the same toolchain.
 */
class ProcessSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aBuildKilledWhileWritingLeavesThePreviousOutputIntact() throws Exception {
        Path project = builtProject();
        Map<String, String> before = contentOnly(output(project));
        TestProjects.write(project, "spec/02-more.adoc", "= 追加\n\n" + "本文。\n\n".repeat(2000));

        Process build = nexehrs(project, "build", "-q");
        Path buildDir = project.resolve("build");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (build.isAlive() && !hasStaging(buildDir) && System.nanoTime() < deadline) Thread.sleep(2);
        build.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Map<String, String> afterKill = contentOnly(output(project));

        TestProjects.CliResult next = TestProjects.runCli("build", "-q", "--project", project.toString());
        assertEquals(0, next.exitCode(), next.toString());
        assertFalse(hasStaging(buildDir), "the next build cleans up what the killed one left");
        // On a fast machine the kill can land after the swap; either way the output is whole: the old one or the new one.
        Map<String, String> complete = contentOnly(output(project));
        assertTrue(afterKill.equals(before) || afterKill.equals(complete),
                "after the kill the published output is the previous build's or the finished new one, never a mixture");
    }

    @Test
    void anOutputMovedAsideByAKilledSwapIsPutBackByTheNextRun() throws Exception {
        Path project = builtProject();
        Map<String, String> before = output(project);
        // What a kill between "move old aside" and "move new in" leaves behind:
        Files.move(project.resolve("build/site"), project.resolve("build/.previous-site-killed"));
        TestProjects.write(project, "profiles/examples/Patient-bad.json", "{ \"resourceType\": ");

        TestProjects.CliResult failed = TestProjects.runCli("build", "-q", "--project", project.toString());

        assertEquals(1, failed.exitCode(), failed.toString());
        assertEquals(before, output(project), "the previous site is back in place");
    }

    @Test
    void aSecondBuildWaitsForTheFirstInsteadOfInterleaving() throws Exception {
        Path project = builtProject();
        Process second;
        try (BuildLock first = BuildLock.acquire(project.resolve("build"), message -> { })) {
            second = nexehrs(project, "build");
            String waiting = readUntil(second, "waiting", 120);
            assertTrue(waiting.contains("another nexehrs build is writing"), waiting);
            Thread.sleep(500);
            assertTrue(second.isAlive(), "the second build waits while the first holds the lock");
        }
        assertTrue(second.waitFor(180, TimeUnit.SECONDS), "the second build finishes once the first is done");
        assertEquals(0, second.exitValue());
    }

    @Test
    void aReadOnlyOutputFolderFailsWithExit2AndKeepsThePreviousOutput() throws Exception {
        Path project = builtProject();
        Map<String, String> before = output(project);
        Path buildDir = project.resolve("build");
        Assumptions.assumeTrue(makeReadOnly(buildDir), "SKIPPED: cannot make a folder read-only here (chattr or chmod)");
        try {
            TestProjects.write(project, "spec/02-more.adoc", "= 追加\n\n本文。\n");
            TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.err().contains(buildDir.toString()) && result.err().contains("previous output is unchanged"), result.toString());
            assertFalse(result.err().contains("\tat "), result.toString());
        } finally {
            makeWritable(buildDir);
        }
        assertEquals(before, output(project));
    }

    @Test
    void aFullDiskFailsWithExit2AndKeepsThePreviousOutput() throws Exception {
        Path mount = dir.resolve("tiny-disk");
        Files.createDirectories(mount);
        Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mount.toString()) == 0,
                "SKIPPED: cannot mount a tmpfs here (needs root); the full-disk case is not exercised");
        try {
            Path project = TestProjects.copyMinimal(mount.resolve("project"));
            TestProjects.CliResult first = TestProjects.runCli("build", "-q", "--project", project.toString());
            assertEquals(0, first.exitCode(), first.toString());
            Map<String, String> before = output(project);
            // Leave less room than one more copy of the output needs.
            long free = Files.getFileStore(mount).getUsableSpace();
            Files.write(mount.resolve("filler"), new byte[(int) Math.max(0, free - 64 * 1024)]);

            TestProjects.write(project, "spec/02-more.adoc", "= 追加\n\n本文。\n");
            TestProjects.CliResult full = TestProjects.runCli("build", "-q", "--project", project.toString());

            assertEquals(2, full.exitCode(), full.toString());
            assertTrue(full.err().toLowerCase().contains("no space left") || full.err().contains("space"), full.toString());
            assertEquals(before, output(project), "the previous site and package are intact");
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void twoBuildsOfTheSameSourcesGiveIdenticalSitesAndPackages() throws Exception {
        Path first = builtProject();
        Path second = TestProjects.copyMinimal(dir.resolve("second"));
        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", second.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(contentOnly(output(first)), contentOnly(output(second)));
    }

    private Path builtProject() {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());
        assertEquals(0, result.exitCode(), result.toString());
        return project;
    }

    private static Map<String, String> output(Path project) {
        java.util.TreeMap<String, String> both = new java.util.TreeMap<>();
        TestProjects.fingerprint(project.resolve("build/site")).forEach((k, v) -> both.put("site/" + k, v));
        TestProjects.fingerprint(project.resolve("build/package")).forEach((k, v) -> both.put("package/" + k, v));
        return both;
    }

    /** The fingerprints without modification times: what must be equal between two separate builds. */
    private static Map<String, String> contentOnly(Map<String, String> fingerprints) {
        java.util.TreeMap<String, String> content = new java.util.TreeMap<>();
        fingerprints.forEach((k, v) -> content.put(k, v.substring(0, v.indexOf('@'))));
        return content;
    }

    private static boolean hasStaging(Path buildDir) throws IOException {
        if (!Files.isDirectory(buildDir)) return false;
        try (Stream<Path> children = Files.list(buildDir)) {
            return children.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
        }
    }

    /** The same toolchain as a separate JVM, on the test's own class path. */
    private static Process nexehrs(Path project, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "jp.nexehrs.cli.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("--project", project.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String readUntil(Process process, String marker, int seconds) throws Exception {
        StringBuilder seen = new StringBuilder();
        var reader = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) break;
            seen.append(line).append('\n');
            if (line.contains(marker)) break;
        }
        // Keep draining so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (reader.readLine() != null) { }
            } catch (IOException e) {
                // the child ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return seen.toString();
    }

    private static boolean makeReadOnly(Path folder) {
        if (run("chattr", "+i", folder.toString()) == 0) return true;
        return folder.toFile().setWritable(false, false) && !Files.isWritable(folder);
    }

    private static void makeWritable(Path folder) {
        run("chattr", "-i", folder.toString());
        folder.toFile().setWritable(true, false);
    }

    private static int run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
