package jp.nexehrs.report.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.nexehrs.report.Finding;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * SARIF 2.1.0, the static-analysis format GitHub code scanning uploads: one run of the tool "nexehrs", one
 * result per finding with the validator's message id as rule id, level error/warning/note, the message, and
 * the file with its line and column.
 */
public final class SarifFormat implements ReportFormat {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Findings that do not come from the FHIR validator have no message id; SARIF wants a rule for each. */
    public static final String GENERAL_RULE = "nexehrs";

    @Override
    public String render(ValidationReport report) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode log = json.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "nexehrs");
        driver.put("informationUri", "https://github.com/nexehrs");
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        Set<String> ruleIds = new LinkedHashSet<>();
        for (Finding finding : report.findings()) {
            String ruleId = finding.messageId().isEmpty() ? GENERAL_RULE : finding.messageId();
            if (ruleIds.add(ruleId)) rules.addObject().put("id", ruleId);
            ObjectNode result = results.addObject();
            result.put("ruleId", ruleId);
            result.put("level", levelOf(finding));
            String text = finding.fhirPath().isEmpty() ? finding.message() : finding.message() + " (" + finding.fhirPath() + ")";
            result.putObject("message").put("text", text);
            if (finding.file().isEmpty()) continue;
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uriOf(finding.file()));
            // SARIF lines and columns start at 1: an unknown position is left out, not written as 0
            if (finding.line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", finding.line());
                if (finding.column() > 0) region.put("startColumn", finding.column());
            }
        }
        return JsonFormat.write(log);
    }

    /**
     * A file as a SARIF {@code uri}, which must be a URI reference: spaces, {@code #}, {@code %} and non-ASCII
     * letters (Japanese file names) percent-encoded as UTF-8, slashes kept.
     */
    static String uriOf(String file) {
        String path = file.replace('\\', '/');
        try {
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }

    private static String levelOf(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION -> "note";
        };
    }
}
