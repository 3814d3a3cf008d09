package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reports of the shards of one validation ({@code validate --shard K/N}) as one: the report the unsharded run
 * would have written. Each shard lists every input file and reports the findings that belong to no validated file
 * (a package's) itself; those are taken once. Resources and the findings about them are disjoint between shards.
 */
public final class ReportMerge {
    private ReportMerge() {
    }

    public static ValidationReport merge(List<ValidationReport> reports) {
        Set<String> files = new LinkedHashSet<>();
        reports.forEach(r -> files.addAll(r.files()));
        List<CheckedResource> resources = new ArrayList<>();
        reports.forEach(r -> resources.addAll(r.resources()));
        List<Finding> findings = new ArrayList<>();
        Set<Finding> runLevel = new LinkedHashSet<>();
        for (ValidationReport report : reports) {
            for (Finding finding : report.findings()) {
                if (files.contains(finding.file())) findings.add(finding);
                else runLevel.add(finding);
            }
        }
        findings.addAll(runLevel);
        return new ValidationReport(List.copyOf(files), resources, findings);
    }
}
