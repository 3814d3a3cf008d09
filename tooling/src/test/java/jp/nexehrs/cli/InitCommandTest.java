package jp.nexehrs.cli;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.load.IgPublisherConfig;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.testing.TestToolkits;
import jp.nexehrs.util.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nexehrs init --from}: the nexehrs.yaml it writes says what sushi-config.yaml says, and it never overwrites one. */
class InitCommandTest {
    @TempDir
    Path dir;

    @Test
    void theWrittenNexehrsYamlReadsBackIntoTheSameConfiguration() throws Exception {
        Path guide = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        ProjectConfig fromSushi = ProjectLoader.readConfig(guide);
        assertEquals(ExitCode.OK, run("init", "--from", guide.toString()));
        ProjectConfig fromNexehrs = new YamlReader().read(guide.resolve(ProjectLoader.CONFIG_FILE), ProjectLoader.CONFIG_FILE, ProjectConfig.class);
        assertEquals(fromSushi, fromNexehrs);
        assertEquals(ProjectLoader.CONFIG_FILE, ProjectLoader.configFileOf(guide), "nexehrs.yaml is now the configuration");
        assertTrue(Files.isRegularFile(guide.resolve(IgPublisherConfig.FILE)), "sushi-config.yaml stays for SUSHI");
    }

    @Test
    void jpCoresConfigurationRoundTripsToo() throws Exception {
        Path guide = dir.resolve("jp-core");
        Files.createDirectories(guide);
        Files.copy(CorpusFixtures.jpCore().resolve(IgPublisherConfig.FILE), guide.resolve(IgPublisherConfig.FILE));
        assertEquals(ExitCode.OK, run("init", "--from", guide.toString()));
        assertEquals(ProjectLoader.readConfig(CorpusFixtures.jpCore()),
                new YamlReader().read(guide.resolve(ProjectLoader.CONFIG_FILE), ProjectLoader.CONFIG_FILE, ProjectConfig.class));
    }

    @Test
    void anExistingNexehrsYamlIsNeverOverwritten() throws Exception {
        Path guide = CorpusFixtures.copyProject("ig-layout", dir.resolve("guide"));
        Files.writeString(guide.resolve(ProjectLoader.CONFIG_FILE), "mine\n");
        String err = runForErrors("init", "--from", guide.toString());
        assertEquals("mine\n", Files.readString(guide.resolve(ProjectLoader.CONFIG_FILE)));
        assertTrue(err.contains("exists already"), err);
        assertFalse(err.contains("Exception") || err.contains("null"), err);
    }

    @Test
    void aFolderWithoutSushiConfigIsAUsageError() {
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, run("init", "--from", dir.toString()));
        assertFalse(Files.exists(dir.resolve(ProjectLoader.CONFIG_FILE)));
    }

    @Test
    void helpTeachesWhenToUseIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            Main.commandLine().execute("init", "--help");
        } finally {
            System.setOut(original);
        }
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("It is not needed to build such a guide") && help.contains("--from=<folder>"), help);
    }

    private static int run(String... args) {
        return Main.commandLine(TestToolkits.engines()).execute(args);
    }

    private static String runForErrors(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, Main.commandLine(TestToolkits.engines()).execute(args));
        } finally {
            System.setErr(original);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
