package jp.nexehrs.check;

import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;

import java.util.List;

/** What the validator said about one example. */
public record ExampleValidation(FhirSource source, List<Finding> findings) {
    public ExampleValidation {
        findings = List.copyOf(findings);
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == jp.nexehrs.report.Severity.WARNING).count();
    }
}
