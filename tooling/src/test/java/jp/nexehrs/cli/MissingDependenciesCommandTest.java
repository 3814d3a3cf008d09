package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dependencies that are not on the machine: an environment error (exit 2) listing all, or warnings when asked. */
class MissingDependenciesCommandTest {
    @TempDir
    Path dir;

    private Path projectMissingTwo() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        Path config = root.resolve("nexehrs.yaml");
        Files.writeString(config, Files.readString(config) + """
                dependencies:
                  - id: jpfhir-terminology.r4
                    version: 1.1.1
                  - id: hl7.terminology.r4
                    version: 6.0.2
                """);
        return root;
    }

    @Test
    void everyMissingPackageIsListedOnceWithExitTwo() throws Exception {
        Path root = projectMissingTwo();
        TestProjects.CliResult result = TestProjects.runCli("validate", "--project", root.toString());
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), result.toString());
        assertTrue(result.err().contains("jpfhir-terminology.r4#1.1.1 (nexehrs.yaml:12): looked in "), result.toString());
        assertTrue(result.err().contains("hl7.terminology.r4#6.0.2 (nexehrs.yaml:14): looked in "), result.toString());
        assertEquals(1, result.err().split("error:", -1).length - 1, "one 'error:': " + result);
    }

    @Test
    void withWarnTheBuildGoesOnAndSaysWhatItCouldNotCheck() throws Exception {
        Path root = projectMissingTwo();
        TestProjects.CliResult result = TestProjects.runCli("validate", "--project", root.toString(), "--missing-dependencies=warn");
        assertEquals(ExitCode.OK, result.exitCode(), result.toString());
        assertTrue(result.all().contains("dependency hl7.terminology.r4#6.0.2 is not on this machine"), result.toString());
    }

    @Test
    void anUnknownChoiceIsAUsageError() throws Exception {
        TestProjects.CliResult result = TestProjects.runCli("validate", "--project", dir.toString(), "--missing-dependencies=maybe");
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), result.toString());
        assertTrue(result.err().contains("'maybe' is not one of error, warn"), result.toString());
    }
}
