package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Commands that need no documents never start Asciidoctor's Ruby runtime (JRuby's start is seconds of CPU): each
 * runs as a fresh JVM that logs every class it loads, and no class of JRuby or of AsciidoctorJ's JRuby side (which
 * starts it) may be among them. (AsciidoctorJ's API interfaces may load: the extension classes implement them.)
 * A JVM of its own, because this test JVM has long loaded JRuby for other tests.
 */
class LazyStartTest {
    @TempDir
    Path dir;

    @Test
    void helpLoadsNoRuby() throws Exception {
        assertNoRuby(run(dir, "help", "--help"));
    }

    @Test
    void validatingOneFileLoadsNoRuby() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        Loaded loaded = run(dir, "validate", "validate", project.resolve("profiles/examples/Patient-hanako.json").toString(),
                "--project", project.toString());
        assertEquals(0, loaded.exitCode(), loaded.output());
        assertNoRuby(loaded);
    }

    @Test
    void diffOfBuiltVersionsLoadsNoRuby() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("repo"));
        TestProjects.write(project, ".gitignore", "build/\n");
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent editor = new PersonIdent("編集者", "editor@example.org", Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);
            var first = git.commit().setMessage("first version").setAuthor(editor).setCommitter(editor).setSign(false).call();
            git.tag().setName("v1.0.0").setObjectId(first).setAnnotated(true).setMessage("初版").setTagger(editor).call();
        }
        // The first diff builds and caches both versions (that converts the documents); a diff after that reads the
        // cached builds and must not need Ruby at all. The first is only the set-up, so it runs in this JVM, where
        // Asciidoctor and the FHIR definitions are warm (a cold JVM spent about 25 s on it); the cache it leaves is
        // the one a separate run finds, since both run the same code on the same class path (ToolchainFingerprint).
        TestProjects.CliResult first = TestProjects.runCli("diff", "1.0.0", "current", "--project", project.toString(), "-q");
        assertEquals(0, first.exitCode(), first.toString());
        Loaded again = run(dir, "diff-again", "diff", "1.0.0", "current", "--project", project.toString(), "-q");
        assertEquals(0, again.exitCode(), again.output());
        assertNoRuby(again);
    }

    private record Loaded(int exitCode, String output, List<String> classes) {}

    private static void assertNoRuby(Loaded loaded) {
        assertTrue(loaded.classes().size() > 500, "the class-load log looks empty: " + loaded.classes().size() + " lines");
        List<String> ruby = loaded.classes().stream()
                .filter(line -> line.contains(" org.jruby.") || line.contains(" org.asciidoctor.jruby.")).limit(5).toList();
        assertEquals(List.of(), ruby, "JRuby or Asciidoctor was loaded:\n" + loaded.output());
    }

    /** The toolchain in a JVM of its own, on the test's class path, logging every class it loads to a file. */
    private static Loaded run(Path dir, String name, String... args) throws IOException, InterruptedException {
        Path log = dir.resolve(name + "-classes.log");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-Xlog:class+load=info:file=" + log, "-cp", classPath, "jp.nexehrs.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "nexehrs " + String.join(" ", args) + " did not finish");
        return new Loaded(process.exitValue(), output, Files.readAllLines(log));
    }
}
