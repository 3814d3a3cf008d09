package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * Node's FHIR tools install packages under {@code $HOME}; the JVM's {@code user.home} is the account's home. In a CI
     * job that sets HOME (a GitHub Actions container: HOME=/github/home, the account's home /root) the two differ, and
     * a package under either is found. A child JVM, since HOME cannot be set inside this one.
     */
    @Test
    void aPackageUnderHomeIsFoundWhenTheAccountsHomeIsAnotherFolderAndAMissingOneNamesBoth() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        Path config = root.resolve("nexehrs.yaml");
        Files.writeString(config, Files.readString(config) + """
                dependencies:
                  - id: example.dep
                    version: 1.0.0
                  - id: other.dep
                    version: 2.0.0
                """);
        Path home = dir.resolve("home");
        Path account = Files.createDirectories(dir.resolve("account"));
        Path installed = Files.createDirectories(home.resolve(".fhir/packages/example.dep#1.0.0/package"));
        Files.writeString(installed.resolve("package.json"), "{\"name\": \"example.dep\", \"version\": \"1.0.0\", \"fhirVersions\": [\"4.0.1\"]}");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + account, "-cp", classPath, "jp.nexehrs.cli.Main", "validate", "--project", root.toString())
                .redirectErrorStream(true);
        child.environment().put("HOME", home.toString());
        child.environment().remove("XDG_CACHE_HOME");
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, process.exitValue(), output);
        assertFalse(output.contains("example.dep#1.0.0"), "found under $HOME, so not listed as missing:\n" + output);
        String missing = "other.dep#2.0.0 (nexehrs.yaml:14): looked in " + String.join(", ", List.of(
                home.resolve(".fhir/packages/other.dep#2.0.0").toString(), account.resolve(".fhir/packages/other.dep#2.0.0").toString()));
        assertTrue(output.contains(missing), "expected '" + missing + "' in:\n" + output);
    }
}
