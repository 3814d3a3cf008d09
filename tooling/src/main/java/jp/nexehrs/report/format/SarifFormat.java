package jp.nexehrs.report.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.nexehrs.report.Finding;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, the static-analysis format GitHub code scanning uploads: one run of the tool "nexehrs" with its
 * version and a rule for every message id found (short and full description, help URI, default level), one result per
 * finding (level error/warning/note, the message, the file relative to {@code %SRCROOT%}, the folder the command ran
 * in, with its line and column, and the FHIRPath as a logical location), and the validated files and resources with
 * the profiles each was checked against in the run's properties (which {@link ReportReader} reads back for merging).
 */
public final class SarifFormat implements ReportFormat {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    /** Findings that do not come from the FHIR validator have no message id; SARIF wants a rule for each. */
    public static final String GENERAL_RULE = "nexehrs";
    public static final String SOURCE_ROOT = "%SRCROOT%";
    static final String INFORMATION_URI = "https://hl7.org/fhir/R4/validation.html";
    private final String toolVersion;

    public SarifFormat() {
        this("");
    }

    public SarifFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public void write(ValidationReport report, java.io.Writer out) throws java.io.IOException {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode log = json.objectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "nexehrs");
        if (!toolVersion.isEmpty()) driver.put("version", toolVersion);
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        run.putObject("originalUriBaseIds").putObject(SOURCE_ROOT).putObject("description")
                .put("text", "The folder nexehrs validate ran in: file paths are relative to it.");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> ruleIndexes = new LinkedHashMap<>();
        RuleDescriptions descriptions = new RuleDescriptions();
        for (Finding finding : report.findings()) {
            String ruleId = finding.messageId().isEmpty() ? GENERAL_RULE : finding.messageId();
            Integer index = ruleIndexes.get(ruleId);
            if (index == null) {
                index = ruleIndexes.size();
                ruleIndexes.put(ruleId, index);
                addRule(rules, ruleId, descriptions.of(ruleId), finding);
            }
            ObjectNode result = results.addObject();
            result.put("ruleId", ruleId);
            result.put("ruleIndex", index);
            result.put("level", levelOf(finding));
            String text = finding.fhirPath().isEmpty() ? finding.message() : finding.message() + " (" + finding.fhirPath() + ")";
            result.putObject("message").put("text", text);
            if (finding.file().isEmpty() && finding.fhirPath().isEmpty()) continue;
            ObjectNode location = result.putArray("locations").addObject();
            if (!finding.file().isEmpty()) {
                ObjectNode physical = location.putObject("physicalLocation");
                ObjectNode artifact = physical.putObject("artifactLocation");
                artifact.put("uri", uriOf(finding.file()));
                if (!isAbsolute(finding.file())) artifact.put("uriBaseId", SOURCE_ROOT);
                // SARIF lines and columns start at 1: an unknown position is left out, not written as 0
                if (finding.line() > 0) {
                    ObjectNode region = physical.putObject("region");
                    region.put("startLine", finding.line());
                    if (finding.column() > 0) region.put("startColumn", finding.column());
                }
            }
            if (!finding.fhirPath().isEmpty()) {
                location.putArray("logicalLocations").addObject().put("fullyQualifiedName", finding.fhirPath()).put("kind", "element");
            }
        }
        ObjectNode properties = run.putObject("properties");
        ArrayNode files = properties.putArray("files");
        report.files().forEach(files::add);
        ArrayNode resources = properties.putArray("resources");
        for (CheckedResource resource : report.resources()) resources.add(JsonFormat.resourceNode(resource));
        JsonFormat.write(log, out);
    }

    private static void addRule(ArrayNode rules, String ruleId, RuleDescriptions.Rule rule, Finding first) {
        ObjectNode node = rules.addObject();
        node.put("id", ruleId);
        node.putObject("shortDescription").put("text", rule.shortDescription());
        node.putObject("fullDescription").put("text", rule.fullDescription());
        node.put("helpUri", rule.helpUri());
        node.putObject("defaultConfiguration").put("level", levelOf(first));
    }

    private static boolean isAbsolute(String file) {
        return file.startsWith("/") || file.matches("^[A-Za-z]:[\\\\/].*");
    }

    /**
     * A file as a SARIF {@code uri}, which must be a URI reference: spaces, {@code #}, {@code %} and non-ASCII
     * letters (Japanese file names) percent-encoded as UTF-8, slashes kept; an absolute path as a file URI.
     */
    static String uriOf(String file) {
        String path = file.replace('\\', '/');
        try {
            if (isAbsolute(file)) return new java.net.URI("file", "", path.startsWith("/") ? path : "/" + path, null).toASCIIString();
            return new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return path;
        }
    }

    static String levelOf(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFORMATION -> "note";
        };
    }
}
