package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one validation run found: every file that was validated (so that formats listing passes, like JUnit,
 * can show files without findings) and the findings, in {@link Finding#ORDER}.
 */
public record ValidationReport(List<String> files, List<Finding> findings) {
    public ValidationReport {
        files = List.copyOf(files);
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /** The validated files, then any other file a finding names (a package, the config), each once. */
    public List<String> filesWithFindings() {
        Set<String> all = new LinkedHashSet<>(files);
        findings.forEach(f -> all.add(f.file()));
        return List.copyOf(all);
    }

    public List<Finding> findingsOf(String file) {
        return findings.stream().filter(f -> f.file().equals(file)).toList();
    }
}
