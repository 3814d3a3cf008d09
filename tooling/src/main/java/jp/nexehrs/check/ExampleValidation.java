package jp.nexehrs.check;

import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.List;

/**
 * What the validator said about one example, and the profiles it was checked against (canonical URLs, with their
 * version where the example named one): its claims that exist, the profile the guide says it illustrates, and the
 * guide's global profiles for its type; the base resource's definition when there are none.
 */
public record ExampleValidation(FhirSource source, List<String> checkedAgainst, List<Finding> findings) {
    public ExampleValidation {
        checkedAgainst = List.copyOf(checkedAgainst);
        findings = List.copyOf(findings);
    }

    public long errorCount() {
        return findings.stream().filter(Finding::isError).count();
    }

    public long warningCount() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }
}
