package jp.nexehrs.pipeline;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.bench.BenchmarkProjects;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Published guides from {@code ../shared/corpus}, built as their editors would bring them: every resource file copied
 * as it is into {@code profiles/} (the guide's ImplementationGuide, its conformance resources and its examples side by
 * side, named as the guide names them), and a nexehrs.yaml that says what the guide's own configuration says. No
 * resource is edited. Prints the findings by message, for the figures on the issue.
 */
class CorpusGuidesTest {
    @TempDir
    Path dir;

    /**
     * The JAMI ePrescription guide (v0.9.3): its SUSHI output with its jp-core draft dependency. Every example is
     * checked against the profile it claims, and nothing is an error.
     */
    @Test
    void theEPrescriptionGuideBuildsAsItIs() throws Exception {
        Path root = new BenchmarkProjects(CorpusFixtures.jpEPrescription().getParent()).writeEPrescription(dir.resolve("eprescription"));

        Outcome outcome = build(root);
        report("ePrescription", outcome);
        assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(TestProjects.errors(outcome.findings())));
        assertEquals(25, outcome.checked().examples().size());
        for (ExampleValidation example : outcome.checked().examples()) {
            assertTrue(example.checkedAgainst().stream().anyMatch(url -> url.startsWith("http://jpfhir.jp/fhir/")),
                    example.source().file() + " is checked against " + example.checkedAgainst());
        }
    }

    /**
     * JP Core 1.1.2's differential package (snapshots generated here) with its examples and its ImplementationGuide,
     * whose jpfhir-terminology dependency is not obtainable: built with missing dependencies as warnings.
     */
    @Test
    void jpCoreFromItsDifferentialsBuildsAsItIs() throws Exception {
        Path root = CorpusFixtures.jpCore112Project(dir.resolve("jp-core"));

        Outcome outcome = build(root);
        report("JP Core 1.1.2 (differentials)", outcome);
        assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(TestProjects.errors(outcome.findings())));
        assertTrue(outcome.findings().stream().anyMatch(f -> f.message().startsWith("not checked: http://jpfhir.jp/fhir/core/ValueSet/")
                && f.message().endsWith("(package jpfhir-terminology#1.1.1 is missing)")), "bindings into the missing package are said");
        assertEquals(48, outcome.checked().examples().size());
    }

    private static Outcome build(Path root) throws Exception {
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            return new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
        }
    }

    static void report(String guide, Outcome outcome) {
        List<Finding> findings = outcome.findings();
        Map<String, Long> byMessage = new TreeMap<>(findings.stream().filter(f -> f.severity() != Severity.INFORMATION)
                .collect(Collectors.groupingBy(f -> f.severity().label() + ": " + f.message().replaceAll("'[^']*'|\"[^\"]*\"|https?://\\S+", "…"),
                        Collectors.counting())));
        StringBuilder text = new StringBuilder(guide).append('\n');
        byMessage.forEach((message, count) -> text.append(String.format("%4d  %s%n", count, message)));
        findings.stream().filter(Finding::isError).forEach(f -> text.append("    ").append(f.toLine()).append('\n'));
        text.append(String.format("examples: %d; errors: %d; warnings: %d%n", outcome.checked().examples().size(),
                findings.stream().filter(Finding::isError).count(), findings.stream().filter(f -> f.severity() == Severity.WARNING).count()));
        System.out.println(text);
    }
}
