package jp.nexehrs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nexehrs validate --package} end to end, as an implementer runs it: the package of the minimal fixture
 * project is built first, then resources are validated against it from a folder without nexehrs.yaml.
 */
class ValidatePackageCommandTest {
    @TempDir
    static Path temp;
    static Path packageFile;
    static Path implementer;

    record Run(int exitCode, String out, String err) {}

    /** Builds the minimal fixture project's package into {@code temp}; returns its file. */
    static Path minimalPackage(Path project, Path temp) throws Exception {
        try (Toolkit toolkit = TestToolkits.of(1, 0)) {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(project, Goal.PACKAGE);
            assertFalse(outcome.findings().stream().anyMatch(Finding::isError), "the fixture builds");
            Path file = temp.resolve(outcome.products().packageArchive().orElseThrow().fileName());
            Files.write(file, outcome.products().packageArchive().orElseThrow().content());
            return file;
        }
    }

    @BeforeAll
    static void buildPackageAndImplementerFolder() throws Exception {
        Path project = CorpusFixtures.copyProject("minimal", temp.resolve("project"));
        packageFile = minimalPackage(project, temp);
        implementer = Files.createDirectories(temp.resolve("implementer"));
        Files.copy(project.resolve("profiles/examples/Patient-hanako.json"), implementer.resolve("Patient-hanako.json"));
        Files.copy(project.resolve("profiles/invalid/Patient-no-identifier.json"), implementer.resolve("Patient-no-identifier.json"));
        // Claims no profile: only --profile makes the project's rules apply to it.
        Files.writeString(implementer.resolve("Patient-unclaimed.json"), """
                {"resourceType": "Patient", "name": [{"family": "山田"}]}
                """);
        assertTrue(Files.notExists(implementer.resolve("nexehrs.yaml")));
    }

    @Test
    void validExampleAgainstPackageIsCleanSarif() throws Exception {
        Run run = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache", "--format", "sarif",
                implementer.resolve("Patient-hanako.json").toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.out());
        JsonNode log = new ObjectMapper().readTree(run.out());
        assertEquals("2.1.0", log.get("version").asText());
        for (JsonNode result : log.at("/runs/0/results")) assertTrue(!result.get("level").asText().equals("error"), run.out());
    }

    @Test
    void invalidExampleFailsWithJunitFailure() throws Exception {
        Run run = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache", "--format", "junit",
                implementer.toString());
        assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode(), run.out());
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("3", suite.getAttribute("tests"), run.out());
        assertEquals("1", suite.getAttribute("failures"), "only the file without identifier fails:\n" + run.out());
    }

    @Test
    void profileOptionForcesTheProfile() throws Exception {
        String file = implementer.resolve("Patient-unclaimed.json").toString();
        Run without = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache", "--format", "json", file);
        assertEquals(ExitCode.OK, without.exitCode(), without.out());

        Run with = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache", "--format", "json",
                "--profile", "http://example.org/fhir/StructureDefinition/minimal-patient", file);
        assertEquals(ExitCode.CONTENT_ERRORS, with.exitCode(), with.out());
        JsonNode findings = new ObjectMapper().readTree(with.out()).get("findings");
        boolean identifierError = false;
        for (JsonNode finding : findings) {
            identifierError |= finding.get("severity").asText().equals("error") && finding.get("message").asText().contains("Patient.identifier");
        }
        assertTrue(identifierError, with.out());
    }

    @Test
    void unknownProfileAndMissingPackageAreReported() throws Exception {
        Run unknown = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache",
                "--profile", "http://example.org/nothing", implementer.resolve("Patient-hanako.json").toString());
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, unknown.exitCode(), "a usage error");
        assertTrue(unknown.err().contains("http://example.org/nothing"), unknown.err());
        assertTrue(unknown.err().contains("Patient: MinimalPatient (http://example.org/fhir/StructureDefinition/minimal-patient)"),
                "lists the packages' profiles: " + unknown.err());

        Run missing = nexehrs("validate", "-p", implementer.toString(), "--package", temp.resolve("none.tgz").toString(), "--no-cache",
                implementer.toString());
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, missing.exitCode());
    }

    @Test
    void textFormatIsTheCompilerStyleLines() throws Exception {
        Run run = nexehrs("validate", "-p", implementer.toString(), "--package", packageFile.toString(), "--no-cache",
                implementer.resolve("Patient-no-identifier.json").toString());
        assertEquals(ExitCode.CONTENT_ERRORS, run.exitCode());
        assertTrue(run.out().lines().anyMatch(l -> l.contains("Patient-no-identifier.json:") && l.contains(": error: ")), run.out());
    }

    /** Runs the command line with standard output and error captured (the console writes findings and documents there). */
    static Run nexehrs(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.commandLine(TestToolkits.engines()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
