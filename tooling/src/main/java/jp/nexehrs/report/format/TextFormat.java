package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;

/** One {@code file:line:col: severity: message (FHIRPath)} line per finding, the form editors and CI annotate. */
public final class TextFormat implements ReportFormat {
    @Override
    public String render(ValidationReport report) {
        StringBuilder text = new StringBuilder();
        for (Finding finding : report.findings()) text.append(finding.toLine()).append('\n');
        return text.toString();
    }
}
