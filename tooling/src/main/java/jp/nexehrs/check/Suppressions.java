package jp.nexehrs.check;

import jp.nexehrs.load.Suppression;
import jp.nexehrs.report.Finding;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies the {@code suppress:} entries of nexehrs.yaml: matching warnings move to the QA report's list of
 * accepted findings with their reason. Errors are never suppressed, and an entry that matches nothing is a
 * warning, so stale entries do not pile up.
 */
final class Suppressions {
    record Result(List<Finding> kept, List<SuppressedFinding> suppressed) {}

    private record Rule(Suppression suppression, PathMatcher files) {
        boolean matches(Finding finding) {
            boolean message = finding.message().contains(suppression.message()) || finding.messageId().equals(suppression.message());
            return message && (files == null || files.matches(Path.of(finding.file())));
        }
    }

    Result apply(List<Suppression> suppressions, List<Finding> findings) {
        List<Rule> rules = suppressions.stream().map(s -> new Rule(s, s.files().isEmpty() ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + s.files()))).toList();
        List<Finding> kept = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        Set<Rule> used = new HashSet<>();
        for (Finding finding : findings) {
            Rule rule = finding.isError() ? null : rules.stream().filter(r -> r.matches(finding)).findFirst().orElse(null);
            if (rule == null) {
                kept.add(finding);
            } else {
                used.add(rule);
                suppressed.add(new SuppressedFinding(finding, rule.suppression().reason()));
            }
        }
        for (Rule rule : rules) {
            if (!used.contains(rule)) {
                kept.add(Finding.warning("nexehrs.yaml", 0, 0, "suppress entry '" + rule.suppression().message()
                        + "' matched no warning: remove it"));
            }
        }
        return new Result(kept, suppressed);
    }
}
