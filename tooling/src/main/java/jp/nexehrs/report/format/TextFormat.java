package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code file:line:col: severity: message (FHIRPath)} line per finding, the form editors and CI annotate; then,
 * when resources were listed, which profiles they were checked against. Information findings only when asked for
 * ({@code --verbose}). The same validator message (id) on the same FHIRPath of one resource (a file, or one line of an
 * NDJSON file) is one line, at its first position, saying where else it was found: the validator repeats a message
 * once per profile or slice it checks.
 */
public final class TextFormat implements ReportFormat {
    private final boolean withInformation;

    public TextFormat() {
        this(true);
    }

    public TextFormat(boolean withInformation) {
        this.withInformation = withInformation;
    }

    @Override
    public void write(ValidationReport report, java.io.Writer text) throws java.io.IOException {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        int unkeyed = 0;
        for (Finding finding : report.findings()) {
            if (!withInformation && finding.severity() == Severity.INFORMATION) continue;
            String resource = NdjsonNames.isNdjson(finding.file()) ? finding.file() + ":" + finding.line() : finding.file();
            String key = finding.messageId().isEmpty() ? "#" + unkeyed++
                    : String.join("\u0000", resource, finding.severity().name(), finding.messageId(), finding.fhirPath());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        }
        for (List<Finding> group : groups.values()) {
            text.append(group.get(0).toLine());
            if (group.size() > 1) {
                List<String> others = group.subList(1, group.size()).stream()
                        .map(f -> f.line() > 0 ? String.valueOf(f.line()) : "?").toList();
                text.append(" [").append(String.valueOf(group.size())).append(" times; also at line ").append(String.join(", ", others)).append(']');
            }
            text.append('\n');
        }
        if (withInformation) {
            for (CheckedResource resource : report.resources()) {
                text.append(resource.file());
                if (resource.line() > 0) text.append(':').append(String.valueOf(resource.line()));
                text.append(": checked against ").append(String.join(", ", resource.profiles())).append('\n');
            }
        }
    }
}
