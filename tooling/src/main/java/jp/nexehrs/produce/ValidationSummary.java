package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code package/other/validation-summary.json}: what the build found, for whoever downloads the package without the
 * site. The counts of the whole build by severity (after the editors' suppressions, which are counted too) and, for each
 * example in the package, the profiles it was checked against and its errors and warnings (after suppressions too). It names the package's own
 * files only, and nothing that changes from run to run: the same content gives the same bytes.
 */
final class ValidationSummary {
    static final String FILE = "validation-summary.json";
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    byte[] toJson(ProjectConfig config, Checked checked, PagePaths paths) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("package", config.id() + "#" + config.version());
        summary.put("validator", "org.hl7.fhir.validation (HAPI FHIR R4), offline; code systems that are not available offline are not checked");
        summary.put("errors", count(checked.findings(), Severity.ERROR));
        summary.put("warnings", count(checked.findings(), Severity.WARNING));
        summary.put("information", count(checked.findings(), Severity.INFORMATION));
        summary.put("suppressedWarnings", checked.suppressed().size());
        summary.put("examples", checked.examples().stream().map(example -> example(example, checked.findings(), paths)).toList());
        try {
            return json.writeValueAsBytes(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param findings the build's, after suppressions: an example's counts agree with the totals */
    private static Map<String, Object> example(ExampleValidation example, List<Finding> findings, PagePaths paths) {
        List<Finding> own = findings.stream().filter(f -> example.source().file().equals(f.file())).toList();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("filename", "example/" + paths.packageEntry(example.source()));
        entry.put("checkedAgainst", example.checkedAgainst());
        entry.put("errors", count(own, Severity.ERROR));
        entry.put("warnings", count(own, Severity.WARNING));
        return entry;
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }
}
