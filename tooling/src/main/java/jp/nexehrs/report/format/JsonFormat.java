package jp.nexehrs.report.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For scripts, one object: {@code tool} (name, version), {@code summary} (resources, errors, warnings,
 * information), {@code files} (every validated file), {@code resources} (file, line (0 for a whole file),
 * resourceType, checkedAgainst: the profiles applied) and {@code findings}, one object per finding: severity (error,
 * warning, information), file, line, column (0 when unknown), fhirPath, messageId and message. {@link ReportReader}
 * reads it back (for {@code nexehrs merge}).
 */
public final class JsonFormat implements ReportFormat {
    /** Indented; the caller's writer stays open after a write (it may write more, or be standard output). */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private final String toolVersion;

    public JsonFormat() {
        this("");
    }

    public JsonFormat(String toolVersion) {
        this.toolVersion = toolVersion;
    }

    /**
     * Written as it goes, one resource and one finding at a time, so that the report of an export of 100,000 resources
     * is never a tree or a string in memory (it was, and ran out of memory); the bytes are those the mapper writes.
     */
    @Override
    public void write(ValidationReport report, Writer out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "nexehrs");
            json.writeStringField("version", toolVersion);
            json.writeEndObject();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("resources", report.resources().size());
            for (Severity severity : Severity.values()) json.writeNumberField(severity.label(), report.count(severity));
            json.writeEndObject();
            json.writeArrayFieldStart("files");
            for (String file : report.files()) json.writeString(file);
            json.writeEndArray();
            json.writeArrayFieldStart("resources");
            for (CheckedResource resource : report.resources()) MAPPER.writeTree(json, resourceNode(resource));
            json.writeEndArray();
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) MAPPER.writeValue(json, fields(finding));
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    /** A finding as every JSON report writes it (this one, and the build's QA report). */
    public static Map<String, Object> fields(Finding finding) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("severity", finding.severity().label());
        fields.put("file", finding.file());
        fields.put("line", finding.line());
        fields.put("column", finding.column());
        fields.put("fhirPath", finding.fhirPath());
        fields.put("messageId", finding.messageId());
        fields.put("message", finding.message());
        return fields;
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

    /** A tree written as the mapper writes it, then a line end: the tree is not turned into one string first. */
    static void write(Object tree, Writer out) throws IOException {
        MAPPER.writeValue(out, tree);
        out.write("\n");
    }
}
