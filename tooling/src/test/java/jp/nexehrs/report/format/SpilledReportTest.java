package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report built with few records allowed in memory (so that most are spilled to disk in sorted runs) is, in every
 * format, the report of the same records kept in memory: the same order (ties in the order they came), the same
 * counts, the same translation of each finding.
 */
class SpilledReportTest {
    private static final List<String> FILES = List.of("a.ndjson", "b.ndjson");

    private static List<CheckedResource> resources() {
        List<CheckedResource> resources = new ArrayList<>();
        for (int line = 1; line <= 40; line++) {
            resources.add(new CheckedResource(FILES.get(line % 2), line, "Patient", List.of("http://example.org/fhir/StructureDefinition/p")));
        }
        return resources;
    }

    /** Findings with ties on file, line, column, severity and message, told apart only by their FHIRPath. */
    private static List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        for (int line = 1; line <= 40; line++) {
            Severity severity = line % 3 == 0 ? Severity.ERROR : Severity.WARNING;
            findings.add(new Finding(severity, FILES.get(line % 2), line, 4, "Patient.name[" + line + "]", "id-" + line % 5, "名前がない: " + line % 4));
            findings.add(new Finding(severity, FILES.get(line % 2), line, 4, "Patient.other[" + line + "]", "id-" + line % 5, "名前がない: " + line % 4));
            findings.add(new Finding(Severity.INFORMATION, FILES.get(line % 2), line, 0, "", "", "checked"));
        }
        return findings;
    }

    private static ValidationReport spilled(List<CheckedResource> resources, List<Finding> findings) {
        ValidationReport.Builder builder = new ValidationReport.Builder(7);
        resources.forEach(builder::add);
        findings.forEach(builder::add);
        return builder.build(FILES);
    }

    @Test
    void everyFormatWritesTheSpilledReportAsTheInMemoryOne() {
        List<CheckedResource> resources = resources();
        List<Finding> findings = findings();
        // Arrival order as threads and batches give it: shuffled, but the ties keep their relative order in both reports.
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < resources.size(); i++) shuffled.add(i);
        Collections.shuffle(shuffled, new Random(7));
        List<CheckedResource> arrivedResources = shuffled.stream().map(resources::get).toList();
        List<Finding> arrivedFindings = new ArrayList<>();
        for (int i : shuffled) arrivedFindings.addAll(findings.subList(3 * i, 3 * i + 3));

        ValidationReport inMemory = new ValidationReport(FILES, arrivedResources, arrivedFindings);
        ValidationReport spilled = spilled(arrivedResources, arrivedFindings);

        assertInstanceOf(SortedSpill.SpilledList.class, spilled.findings(), "the records went to disk");
        assertEquals(120, spilled.findings().size());
        assertEquals(inMemory.count(Severity.ERROR), spilled.count(Severity.ERROR));
        assertEquals(List.copyOf(inMemory.findings()), new ArrayList<>(spilled.findings()));
        assertEquals(List.copyOf(inMemory.resources()), new ArrayList<>(spilled.resources()));
        for (ReportFormat.Kind kind : ReportFormat.Kind.values()) {
            ReportFormat format = kind.format(new ReportFormat.Settings("9.9.9", true));
            assertEquals(format.render(inMemory), format.render(spilled), kind + " format");
        }
    }

    @Test
    void aChangeToEveryFindingIsAppliedAsTheyAreRead() {
        ValidationReport spilled = spilled(resources(), findings());
        ValidationReport changed = spilled.withFindings(f -> new Finding(f.severity(), f.file(), f.line(), f.column(), f.fhirPath(),
                f.messageId(), f.message().replace("名前がない", "no name")));
        List<String> messages = new ArrayList<>();
        changed.findings().forEach(f -> messages.add(f.message()));
        assertEquals(120, messages.size());
        assertTrue(messages.stream().noneMatch(m -> m.contains("名前がない")), messages.toString());
        assertEquals(new ArrayList<>(spilled.findings()).stream().map(Finding::fhirPath).toList(),
                new ArrayList<>(changed.findings()).stream().map(Finding::fhirPath).toList(), "the order is kept");
    }

    @Test
    void aReportThatFitsInMemoryIsAnOrdinaryList() {
        ValidationReport.Builder builder = new ValidationReport.Builder();
        findings().forEach(builder::add);
        assertTrue(!(builder.build(FILES).findings() instanceof SortedSpill.SpilledList));
    }
}
