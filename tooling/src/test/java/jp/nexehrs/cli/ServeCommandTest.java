package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of {@code nexehrs serve} that end: help, and the usage errors that must come before any build. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpTeachesTheOptions() {
        TestProjects.CliResult result = TestProjects.runCli("serve", "--help");
        assertEquals(0, result.exitCode(), result.toString());
        for (String option : new String[]{"--port", "--host", "--no-cache", "127.0.0.1", "Ctrl-C"}) {
            assertTrue(result.out().contains(option), option + " in " + result.out());
        }
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        TestProjects.CliResult result = TestProjects.runCli("serve", "--port", "70000", "--project", TestProjects.MINIMAL.toString());
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("--port must be between 0 and 65535"), result.toString());
    }

    @Test
    void aPortInUseIsReportedBeforeAnyBuild() throws Exception {
        Path project = TestProjects.copyMinimal(dir.resolve("p"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TestProjects.CliResult result = TestProjects.runCli("serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--project", project.toString());
            assertEquals(2, result.exitCode(), result.toString());
            assertTrue(result.err().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), result.toString());
            assertFalse(result.all().contains("built in"), "no build before the port is known to be free: " + result);
        }
    }
}
