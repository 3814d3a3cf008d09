package jp.nexehrs.compose;

import jp.nexehrs.check.Checked;
import jp.nexehrs.check.SuppressedFinding;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The model of the QA page: the findings and the accepted (suppressed) warnings, their counts by severity, which
 * agree with the site's footer, and the files they concern, for the page's filters.
 */
final class QaView {
    private QaView() {
    }

    static Map<String, Object> model(Checked checked) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("findings", checked.findings());
        page.put("suppressed", checked.suppressed());
        TreeSet<String> files = new TreeSet<>();
        checked.findings().stream().map(Finding::file).filter(Objects::nonNull).forEach(files::add);
        checked.suppressed().stream().map(SuppressedFinding::finding).map(Finding::file).filter(Objects::nonNull).forEach(files::add);
        page.put("files", List.copyOf(files));
        page.put("severities", List.of(
                Map.of("code", Severity.ERROR.label(), "ja", "エラー", "count", checked.count(Severity.ERROR)),
                Map.of("code", Severity.WARNING.label(), "ja", "警告", "count", checked.count(Severity.WARNING)),
                Map.of("code", "accepted", "ja", "承認済みの警告", "count", (long) checked.suppressed().size()),
                Map.of("code", Severity.INFORMATION.label(), "ja", "情報", "count", checked.count(Severity.INFORMATION))));
        return page;
    }
}
