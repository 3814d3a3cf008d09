package jp.nexehrs.report.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads back a report {@link JsonFormat} or {@link SarifFormat} wrote, for {@code nexehrs merge}. */
public final class ReportReader {
    /** A report that is not one nexehrs wrote, or not whole. */
    public static final class UnreadableReport extends Exception {
        UnreadableReport(String message) {
            super(message);
        }
    }

    /** A report and the format it was written in. */
    public record Read(ReportFormat.Kind format, String toolVersion, ValidationReport report) {}

    private ReportReader() {
    }

    public static Read read(String text) throws UnreadableReport {
        JsonNode root;
        try {
            root = JsonFormat.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableReport("not JSON (line " + e.getLocation().getLineNr() + "): a report of nexehrs validate --format json or sarif is expected");
        }
        if (root != null && root.has("runs") && "2.1.0".equals(root.path("version").asText())) return sarif(root);
        if (root != null && root.has("findings") && root.path("tool").path("name").asText().equals("nexehrs")) return json(root);
        throw new UnreadableReport("not a report of nexehrs validate --format json or sarif");
    }

    private static Read json(JsonNode root) throws UnreadableReport {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode node : root.path("findings")) {
            findings.add(new Finding(severity(node.path("severity").asText()), node.path("file").asText(), node.path("line").asInt(),
                    node.path("column").asInt(), node.path("fhirPath").asText(), node.path("messageId").asText(), node.path("message").asText()));
        }
        return new Read(ReportFormat.Kind.JSON, root.path("tool").path("version").asText(),
                new ValidationReport(texts(root.path("files")), resources(root.path("resources")), findings));
    }

    private static Read sarif(JsonNode root) throws UnreadableReport {
        if (root.path("runs").size() != 1 || !root.at("/runs/0/tool/driver/name").asText().equals("nexehrs")) {
            throw new UnreadableReport("a SARIF log of another tool, or of several runs: only nexehrs validate's own can be merged");
        }
        JsonNode run = root.at("/runs/0");
        List<Finding> findings = new ArrayList<>();
        for (JsonNode result : run.path("results")) {
            String ruleId = result.path("ruleId").asText();
            JsonNode location = result.at("/locations/0");
            String fhirPath = location.at("/logicalLocations/0/fullyQualifiedName").asText("");
            String text = result.at("/message/text").asText();
            String suffix = " (" + fhirPath + ")";
            String message = !fhirPath.isEmpty() && text.endsWith(suffix) ? text.substring(0, text.length() - suffix.length()) : text;
            JsonNode physical = location.path("physicalLocation");
            String file = physical.isMissingNode() ? "" : fileOf(physical.at("/artifactLocation/uri").asText());
            findings.add(new Finding(level(result.path("level").asText()), file, physical.at("/region/startLine").asInt(0),
                    physical.at("/region/startColumn").asInt(0), fhirPath, ruleId.equals(SarifFormat.GENERAL_RULE) ? "" : ruleId, message));
        }
        return new Read(ReportFormat.Kind.SARIF, run.at("/tool/driver/version").asText(""),
                new ValidationReport(texts(run.at("/properties/files")), resources(run.at("/properties/resources")), findings));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        for (JsonNode node : array) texts.add(node.asText());
        return texts;
    }

    private static List<CheckedResource> resources(JsonNode array) {
        List<CheckedResource> resources = new ArrayList<>();
        for (JsonNode node : array) {
            resources.add(new CheckedResource(node.path("file").asText(), node.path("line").asInt(), node.path("resourceType").asText(),
                    texts(node.path("checkedAgainst"))));
        }
        return resources;
    }

    private static String fileOf(String uri) {
        try {
            URI parsed = new URI(uri);
            return parsed.getPath() == null ? uri : parsed.getPath();
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static Severity severity(String label) throws UnreadableReport {
        try {
            return Severity.valueOf(label.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UnreadableReport("a finding has severity '" + label + "': error, warning or information is expected");
        }
    }

    private static Severity level(String level) throws UnreadableReport {
        return switch (level) {
            case "error" -> Severity.ERROR;
            case "warning" -> Severity.WARNING;
            case "note" -> Severity.INFORMATION;
            default -> throw new UnreadableReport("a result has level '" + level + "': error, warning or note is expected");
        };
    }
}
