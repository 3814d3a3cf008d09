package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one validation run found: every file that was validated (so that formats listing passes, like JUnit,
 * can show files without findings), each resource with the profiles it was checked against, and the findings, in
 * {@link Finding#ORDER}.
 */
public record ValidationReport(List<String> files, List<CheckedResource> resources, List<Finding> findings) {
    public static final Comparator<CheckedResource> RESOURCE_ORDER =
            Comparator.comparing(CheckedResource::file).thenComparingInt(CheckedResource::line);

    public ValidationReport {
        files = List.copyOf(files);
        resources = resources.stream().sorted(RESOURCE_ORDER).toList();
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /** A report of a project's validation, whose resources are not listed one by one. */
    public ValidationReport(List<String> files, List<Finding> findings) {
        this(files, List.of(), findings);
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

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
