package jp.nexehrs.check;

import jp.nexehrs.convert.Converted;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.List;
import java.util.Map;

/**
 * The output of the check stage: everything converted, each example's validation, each project value set's
 * offline expansion (by canonical URL), and every finding of the run so far.
 */
public record Checked(Converted converted, List<ExampleValidation> examples, Map<String, ValueSetExpansion> expansions,
                      GovernanceReport governance, List<Finding> findings, List<SuppressedFinding> suppressed) {
    public Checked {
        examples = List.copyOf(examples);
        expansions = Map.copyOf(expansions);
        suppressed = List.copyOf(suppressed);
        // The same problem reported twice (an include repeated down a loop, say) is shown once.
        findings = findings.stream().distinct().sorted(Finding.ORDER).toList();
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
