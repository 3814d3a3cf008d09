package jp.nexehrs.report.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

/**
 * For scripts, one object: {@code tool} (name, version), {@code summary} (resources, errors, warnings,
 * information), {@code files} (every validated file), {@code resources} (file, line (0 for a whole file),
 * resourceType, checkedAgainst: the profiles applied) and {@code findings}, one object per finding: severity (error,
 * warning, information), file, line, column (0 when unknown), fhirPath, messageId and message. {@link ReportReader}
 * reads it back (for {@code nexehrs merge}).
 */
public final class JsonFormat implements ReportFormat {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final String toolVersion;

    public JsonFormat() {
        this("");
    }

    public JsonFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    @Override
    public String render(ValidationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool");
        tool.put("name", "nexehrs");
        tool.put("version", toolVersion);
        ObjectNode summary = root.putObject("summary");
        summary.put("resources", report.resources().size());
        for (Severity severity : Severity.values()) summary.put(severity.label(), report.count(severity));
        ArrayNode files = root.putArray("files");
        report.files().forEach(files::add);
        ArrayNode resources = root.putArray("resources");
        for (CheckedResource resource : report.resources()) resources.add(resourceNode(resource));
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("severity", finding.severity().label());
            node.put("file", finding.file());
            node.put("line", finding.line());
            node.put("column", finding.column());
            node.put("fhirPath", finding.fhirPath());
            node.put("messageId", finding.messageId());
            node.put("message", finding.message());
        }
        return write(root);
    }

    static ObjectNode resourceNode(CheckedResource resource) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("file", resource.file());
        node.put("line", resource.line());
        node.put("resourceType", resource.resourceType());
        ArrayNode profiles = node.putArray("checkedAgainst");
        resource.profiles().forEach(profiles::add);
        return node;
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
