package jp.nexehrs.produce;

import jp.nexehrs.bench.Hl7ReferenceEngine;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.hl7.fhir.utilities.http.ManagedWebAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An implementer's use of the package with the HL7 validator's own engine ({@code ValidationEngine}, the engine of
 * validator_cli.jar): the repository's specification is packaged, the engine loads the .tgz as an IG ({@code -ig}),
 * offline, and validates every example of the specification against what it claims. It must give each example as many
 * errors as our check stage gives it (which is what {@code nexehrs validate} reports for the project).
 */
class PackageInHl7ValidatorTest {
    @TempDir
    static Path dir;
    private static String userHome;
    private static Outcome outcome;
    private static Hl7ReferenceEngine engine;

    @BeforeAll
    static void packageTheSpecification() throws Exception {
        Path root = TestProjects.copyRepositorySpec(dir.resolve("spec"));
        try (Toolkit toolkit = TestToolkits.of(2, NpmPackageWriter.DEFAULT_EPOCH_SECONDS)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
        }
        assertFalse(outcome.failed(), describe(outcome.findings()));
        Path tgz = root.resolve("build/package").resolve(outcome.checked().converted().project().config().packageFileName());
        // The engine reads its package cache from <user.home>/.fhir/packages: a folder seeded here, never the network.
        userHome = System.getProperty("user.home");
        Path home = dir.resolve("home");
        System.setProperty("user.home", home.toString());
        ManagedWebAccess.setAccessPolicy(ManagedWebAccess.WebAccessPolicy.PROHIBITED);
        Hl7ReferenceEngine.seedPackageCache(home);
        engine = new Hl7ReferenceEngine(List.of(tgz));
    }

    @AfterAll
    static void restoreHome() {
        if (userHome != null) System.setProperty("user.home", userHome);
    }

    @Test
    void theHl7EngineGivesEachExampleTheErrorsOurValidationGives() throws Exception {
        Map<String, Long> ours = new TreeMap<>();
        Map<String, Long> theirs = new TreeMap<>();
        Map<String, List<String>> theirMessages = new TreeMap<>();
        for (ExampleValidation example : outcome.checked().examples()) {
            ours.put(example.source().file(), example.errorCount());
            List<String> messages = engine.errorMessages(example.source().file(), example.source().text());
            theirs.put(example.source().file(), (long) messages.size());
            if (!messages.isEmpty()) theirMessages.put(example.source().file(), messages);
        }
        assertTrue(ours.size() >= 5, "the specification's examples: " + ours.keySet());
        assertEquals(ours, theirs, "errors per example: ours, then the HL7 engine's with the package loaded: " + theirMessages);
    }

    /**
     * The deliberately invalid examples break rules that only our profiles hold (slices, invariants nxh-1 and nxh-2,
     * cardinalities): the engine finds as many errors in each as we do, so it did apply the package's profiles. A code
     * that is not in a required value set is one problem for us (InstanceValidator.withoutEchoes); the engine also
     * reports its code system's "Unknown code" on the Coding's code, which is not counted again.
     */
    @Test
    void theHl7EngineFindsTheErrorsOfEachInvalidExampleAsWeDo() throws Exception {
        InstanceValidator ours = new InstanceValidator(outcome.checked().converted().support());
        Map<String, Long> ourErrors = new TreeMap<>();
        Map<String, Long> theirErrors = new TreeMap<>();
        Map<String, String> bothMessages = new TreeMap<>();
        for (FhirSource invalid : outcome.checked().converted().project().resources(FhirSource.Role.INVALID_EXAMPLE)) {
            List<Finding> ourFindings = ours.validate(invalid).stream().filter(Finding::isError).toList();
            List<String> theirMessages = withoutEchoes(engine.errorMessages(invalid.file(), invalid.text()));
            ourErrors.put(invalid.file(), (long) ourFindings.size());
            theirErrors.put(invalid.file(), (long) theirMessages.size());
            bothMessages.put(invalid.file(), "ours " + ourFindings.stream().map(Finding::message).toList() + ", theirs " + theirMessages);
        }
        assertTrue(ourErrors.size() >= 5, "the specification's invalid examples: " + ourErrors.keySet());
        ourErrors.forEach((file, errors) -> assertTrue(errors > 0, file + " is invalid"));
        assertEquals(ourErrors, theirErrors, "errors per invalid example: ours, then the HL7 engine's with the package loaded: " + bothMessages);
    }

    /** The engine's messages without "Unknown code" on X.code where X itself is reported as not in its value set. */
    private static List<String> withoutEchoes(List<String> messages) {
        return messages.stream().filter(message -> {
            int colon = message.indexOf(": Unknown code ");
            if (colon < 0 || !message.substring(0, colon).endsWith(".code")) return true;
            String coding = message.substring(0, colon - ".code".length()) + ": ";
            return messages.stream().noneMatch(other -> other.startsWith(coding) && other.contains("was not found in the value set"));
        }).toList();
    }
}
