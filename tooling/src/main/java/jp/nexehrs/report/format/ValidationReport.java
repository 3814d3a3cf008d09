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
        // A Builder's spilled records are sorted already, and are too many to copy.
        if (!(resources instanceof SortedSpill.SpilledList)) resources = resources.stream().sorted(RESOURCE_ORDER).toList();
        if (!(findings instanceof SortedSpill.SpilledList)) findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /**
     * Collects a report of any size: past {@value #IN_MEMORY} records of a kind, they are kept sorted on disk
     * ({@link SortedSpill}), so that memory does not grow with the number of resources validated.
     */
    public static final class Builder {
        /** Records of each kind held in memory before they are spilled: about 10 MB of findings. */
        static final int IN_MEMORY = 20_000;
        private final SortedSpill<CheckedResource> resources;
        private final SortedSpill<Finding> findings;

        public Builder() {
            this(IN_MEMORY);
        }

        Builder(int inMemory) {
            resources = new SortedSpill<>(RESOURCE_ORDER, CheckedResource.class, inMemory);
            findings = new SortedSpill<>(Finding.ORDER, Finding.class, inMemory);
        }

        public void add(CheckedResource resource) {
            resources.add(resource);
        }

        public void add(Finding finding) {
            findings.add(finding);
        }

        public int resourceCount() {
            return resources.size();
        }

        public ValidationReport build(List<String> files) {
            return new ValidationReport(files, resources.sorted(), findings.sorted());
        }
    }

    /** The same report with {@code change} applied to every finding (e.g. translated), in the same order. */
    public ValidationReport withFindings(java.util.function.UnaryOperator<Finding> change) {
        if (findings instanceof SortedSpill.SpilledList<Finding> spilled) return new ValidationReport(files, resources, spilled.map(change));
        return new ValidationReport(files, resources, findings.stream().map(change).toList());
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
