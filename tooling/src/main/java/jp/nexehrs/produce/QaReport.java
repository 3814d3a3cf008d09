package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.check.SuppressedFinding;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.format.JsonFormat;
import jp.nexehrs.report.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code build/qa.json}: every finding of the build, for CI and other tools. */
final class QaReport {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** @param examples each example's verdict and the profiles it was checked against */
    byte[] toJson(ProjectConfig config, List<Finding> findings, List<SuppressedFinding> suppressed, List<ExampleValidation> examples) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("package", config.id());
        report.put("version", config.version());
        report.put("errors", findings.stream().filter(f -> f.severity() == Severity.ERROR).count());
        report.put("warnings", findings.stream().filter(f -> f.severity() == Severity.WARNING).count());
        report.put("findings", findings.stream().map(JsonFormat::fields).toList());
        report.put("suppressed", suppressed.stream().map(s -> {
            Map<String, Object> entry = JsonFormat.fields(s.finding());
            entry.put("reason", s.reason());
            return entry;
        }).toList());
        report.put("examples", examples.stream().map(QaReport::verdict).toList());
        try {
            return json.writeValueAsBytes(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> verdict(ExampleValidation example) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("file", example.source().file());
        entry.put("checkedAgainst", example.checkedAgainst());
        entry.put("errors", example.errorCount());
        entry.put("warnings", example.warningCount());
        return entry;
    }
}
