package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Engines;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestProjects.CliResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through the command line, in this JVM. One good build of the fixture is shared; each failing
 * build starts from a copy of it (with its build/ folder) so that "the previous site is unchanged" can be seen.
 */
class CliTest {
    @TempDir
    static Path dir;
    private static Path good;
    private static CliResult goodBuild;

    @BeforeAll
    static void buildTheFixture() {
        good = TestProjects.copyMinimal(dir.resolve("good"));
        goodBuild = TestProjects.runCli("build", "--project", good.toString());
    }

    private static Path copyOfGood(String name) {
        return TestProjects.copyTree(good, dir.resolve(name));
    }

    private static void assertNoStackTrace(CliResult result) {
        assertFalse(result.all().contains("\tat "), result.toString());
        assertFalse(result.all().contains("Exception"), result.toString());
    }

    private static void assertErrorLine(CliResult result, String file) {
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(file) + ":\\d+:\\d+: error: .+$");
        assertTrue(line.matcher(result.out()).find(), "a file:line:col: error: line for " + file + "\n" + result);
    }

    @Test
    void buildWritesTheSiteAndThePackage() {
        assertEquals(ExitCode.OK, goodBuild.exitCode(), goodBuild.toString());
        Path site = good.resolve("build/site");
        for (String page : List.of("index.html", "01-intro.html", "StructureDefinition-minimal-patient.html",
                "ValueSet-minimal-marital-status.html", "CodeSystem-minimal-marital.html", "Patient-hanako.html", "qa.html")) {
            assertTrue(Files.isRegularFile(site.resolve(page)), page + " in " + TestProjects.fingerprint(site).keySet());
        }
        assertTrue(Files.isRegularFile(good.resolve("build/package/example.minimal-1.0.0.tgz")));
        assertTrue(Files.isRegularFile(good.resolve("build/qa.json")));
        assertFalse(Files.exists(site.resolve("Patient-no-identifier.html")), "invalid examples are not published");
        assertTrue(goodBuild.err().contains("build succeeded"), goodBuild.toString());
        assertNoStackTrace(goodBuild);
    }

    @Test
    void theProfilePageHasAnElementRowForIdentifierWithItsCardinality() {
        String page = TestProjects.read(good.resolve("build/site/StructureDefinition-minimal-patient.html"));
        var row = org.jsoup.Jsoup.parse(page).getElementById("snapshot-Patient.identifier");
        assertTrue(row != null, "a row for Patient.identifier");
        assertEquals("1..*", row.selectFirst("td.cardinality").text(), row.outerHtml());
    }

    @Test
    void theDocumentPageLinksTheProfile() {
        String page = TestProjects.read(good.resolve("build/site/01-intro.html"));
        assertTrue(page.contains("はじめに"), page);
        assertTrue(page.contains("href=\"StructureDefinition-minimal-patient.html\""), page);
    }

    @Test
    void anExampleBreakingItsProfileFailsWithOneLineAndKeepsTheSite() {
        Path project = copyOfGood("broken-example");
        Map<String, String> site = TestProjects.fingerprint(project.resolve("build/site"));
        TestProjects.write(project, "profiles/examples/Patient-broken.json", TestProjects.brokenPatient("broken"));

        CliResult result = TestProjects.runCli("build", "--project", project.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        assertErrorLine(result, "profiles/examples/Patient-broken.json");
        assertNoStackTrace(result);
        assertEquals(site, TestProjects.fingerprint(project.resolve("build/site")), "the previous site is unchanged");
        assertTrue(result.err().contains("build failed"), result.toString());
    }

    @Test
    void malformedJsonFailsWithFileLineAndColumn() {
        Path project = copyOfGood("malformed");
        TestProjects.write(project, "profiles/examples/Patient-comma.json", "{\n  \"resourceType\": \"Patient\",\n  \"id\": \"comma\"\n  \"active\": true\n}\n");

        CliResult result = TestProjects.runCli("build", "--project", project.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        assertTrue(Pattern.compile("(?m)^profiles/examples/Patient-comma\\.json:4:\\d+: error: malformed JSON").matcher(result.out()).find(),
                result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void anIncludeOfPasswdFails() {
        Path project = copyOfGood("passwd");
        TestProjects.write(project, "spec/02-passwd.adoc", "= 外部\n\ninclude::../../etc/passwd[]\n");

        CliResult result = TestProjects.runCli("build", "--project", project.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        assertTrue(Pattern.compile("(?m)^spec/02-passwd\\.adoc:3: error: ").matcher(result.out()).find(), result.toString());
        assertFalse(result.all().contains("root:x:"), result.toString());
        assertFalse(Files.exists(project.resolve("build/site/02-passwd.html")));
        assertNoStackTrace(result);
    }

    @Test
    void validateOneBrokenFilePrintsFileLineColumnSeverityMessageAndPath() {
        Path file = TestProjects.write(dir.resolve("outside"), "broken.json", TestProjects.brokenPatient("broken"));

        CliResult result = TestProjects.runCli("validate", "--project", good.toString(), file.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        Pattern line = Pattern.compile("(?m)^" + Pattern.quote(file.toString()) + ":\\d+:\\d+: error: .*minimum required = 1.* \\(Patient[^)]*\\)$");
        assertTrue(line.matcher(result.out()).find(), result.toString());
        assertNoStackTrace(result);
    }

    /** A folder of files, validated two at a time as they are read: each file's problem on its own file, none lost. */
    @Test
    void validateAFolderReportsEveryFilesProblemsOnTwoThreads() {
        Path folder = dir.resolve("folder");
        for (int i = 0; i < 6; i++) {
            TestProjects.write(folder, "good-" + i + ".json", TestProjects.read(good.resolve("profiles/examples/Patient-hanako.json")));
        }
        TestProjects.write(folder, "broken-a.json", TestProjects.brokenPatient("broken-a"));
        TestProjects.write(folder, "broken-b.json", TestProjects.brokenPatient("broken-b"));
        TestProjects.write(folder, "not-json.json", "{\"resourceType\": \"Patient\", ");

        CliResult result = TestProjects.runCli("validate", "--threads", "2", "--project", good.toString(), folder.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        for (String broken : List.of("broken-a.json", "broken-b.json", "not-json.json")) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(folder.resolve(broken).toString()) + ":\\d+(:\\d+)?: error: ")
                    .matcher(result.out()).find(), broken + "\n" + result);
        }
        assertFalse(result.out().contains("good-"), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void validateOneGoodFileExits0() {
        Path file = good.resolve("profiles/examples/Patient-hanako.json");

        CliResult result = TestProjects.runCli("validate", "--project", good.toString(), file.toString());

        assertEquals(ExitCode.OK, result.exitCode(), result.toString());
        assertFalse(result.out().contains(": error: "), result.toString());
    }

    /**
     * In a project, validate shares the build's cache: the same file again is answered from it with the same report, a
     * change to the profile it claims is validated afresh, and --no-cache neither reads nor writes the cache.
     */
    @Test
    void validateInAProjectRemembersResultsWithoutChangingAVerdict() throws Exception {
        Path project = copyOfGood("validate-cache");
        Path file = TestProjects.write(dir.resolve("validate-cache-files"), "broken.json", TestProjects.brokenPatient("broken"));
        Path validations = project.resolve("build/.cache/validations");
        long before = countFiles(validations);

        CliResult first = TestProjects.runCli("validate", "--format", "json", "--project", project.toString(), file.toString());
        long afterFirst = countFiles(validations);
        CliResult again = TestProjects.runCli("validate", "--format", "json", "--project", project.toString(), file.toString());

        assertEquals(ExitCode.CONTENT_ERRORS, first.exitCode(), first.toString());
        assertEquals(before + 1, afterFirst, "the file's result is remembered");
        assertEquals(afterFirst, countFiles(validations), "the second run found it");
        assertEquals(first.out(), again.out());
        assertEquals(ExitCode.CONTENT_ERRORS, again.exitCode(), again.toString());

        Path profile = project.resolve("profiles/structuredefinitions/StructureDefinition-minimal-patient.json");
        Files.writeString(profile, Files.readString(profile).replace(
                "\"path\": \"Patient.identifier\", \"min\": 1,", "\"path\": \"Patient.identifier\","));
        CliResult relaxed = TestProjects.runCli("validate", "--format", "json", "--project", project.toString(), file.toString());
        assertEquals(ExitCode.OK, relaxed.exitCode(), "identifier is no longer required: " + relaxed);

        Path uncached = TestProjects.copyMinimal(dir.resolve("validate-no-cache"));
        CliResult noCache = TestProjects.runCli("validate", "--no-cache", "--format", "json", "--project", uncached.toString(), file.toString());
        assertEquals(first.out(), noCache.out());
        assertFalse(Files.exists(uncached.resolve("build")), "--no-cache writes nothing");
    }

    private static long countFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void validateAMissingFileExits2() {
        CliResult result = TestProjects.runCli("validate", "--project", good.toString(), dir.resolve("missing.json").toString());

        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), result.toString());
        assertTrue(result.err().contains("missing.json"), result.toString());
        assertNoStackTrace(result);
    }

    @Test
    void noProjectExits2() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        for (String command : List.of("build", "validate", "package")) {
            CliResult result = TestProjects.runCli(command, "--project", empty.toString());

            assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), command + ": " + result);
            assertTrue(result.err().contains("nexehrs.yaml"), result.toString());
            assertNoStackTrace(result);
        }
    }

    @Test
    void helpAndVersionOnEveryCommandExit0() {
        for (List<String> command : List.of(List.<String>of(), List.of("build"), List.of("validate"), List.of("package"))) {
            for (String option : List.of("--help", "--version")) {
                List<String> args = new java.util.ArrayList<>(command);
                args.add(option);
                CliResult result = TestProjects.runCli(args.toArray(String[]::new));

                assertEquals(ExitCode.OK, result.exitCode(), args + ": " + result);
                if (option.equals("--help")) assertTrue(result.out().contains("Usage:"), args + ": " + result);
                else assertTrue(result.out().startsWith("nexehrs "), args + ": " + result);
            }
        }
    }

    @Test
    void everyOptionIsDescribedInOneParagraphThatTheHelpWrapsItself() {
        // picocli prints each element of a description on a line of its own, inside a narrower column than the source's
        // lines: a sentence split over elements is printed broken mid-sentence.
        List<String> split = new ArrayList<>();
        splitDescriptions(Main.commandLine(), split);
        assertTrue(split.isEmpty(), "options whose description is split into lines: " + split);
    }

    /** The options of {@code command} and its subcommands, at any depth, whose description has more than one element. */
    private static void splitDescriptions(CommandLine command, List<String> split) {
        command.getCommandSpec().options().stream().filter(o -> o.description().length > 1)
                .forEach(o -> split.add(command.getCommandSpec().qualifiedName() + " " + o.longestName()));
        command.getSubcommands().values().forEach(subcommand -> splitDescriptions(subcommand, split));
    }

    @Test
    void anUnknownOptionExits2() {
        for (String command : List.of("build", "validate", "package")) {
            CliResult result = TestProjects.runCli(command, "--no-such-option");

            assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, result.exitCode(), result.toString());
            assertTrue(result.err().contains("--no-such-option"), result.toString());
        }
    }

    @Test
    void aCommandLineGivenEnginesLendsThemToEveryCommandItRunsAndOneWithoutLendsNone() {
        try (Engines engines = new Engines()) {
            CommandLine lending = Main.commandLine(engines);
            lending.parseArgs("build", "--no-cache");
            BuildCommand build = lending.getSubcommands().get("build").getCommand();
            assertSame(engines, build.options.lentEngines().orElseThrow());
            lending = Main.commandLine(engines);
            lending.parseArgs("packages", "seed");
            PackagesCommand.Seed seed = lending.getSubcommands().get("packages").getSubcommands().get("seed").getCommand();
            assertSame(engines, seed.options.lentEngines().orElseThrow(), "a subcommand's subcommand too");
        }
        CommandLine own = Main.commandLine();
        own.parseArgs("validate", "x.json");
        ValidateCommand validate = own.getSubcommands().get("validate").getCommand();
        assertEquals(Optional.empty(), validate.options.lentEngines());
    }
}
