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

    /**
     * Written as it goes, one resource and one finding at a time, so that the report of an export of 100,000 resources
     * is never a tree or a string in memory (it was, and ran out of memory); the bytes are those the mapper writes.
     */
    @Override
    public void write(ValidationReport report, Writer out) throws IOException {
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(new NonClosingWriter(out))) {
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
            for (Finding finding : report.findings()) {
                json.writeStartObject();
                json.writeStringField("severity", finding.severity().label());
                json.writeStringField("file", finding.file());
                json.writeNumberField("line", finding.line());
                json.writeNumberField("column", finding.column());
                json.writeStringField("fhirPath", finding.fhirPath());
                json.writeStringField("messageId", finding.messageId());
                json.writeStringField("message", finding.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write("\n");
    }

    /** The caller's writer stays open when the generator closes (it may write more, or be standard output). */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
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
        MAPPER.writeValue(new NonClosingWriter(out), tree);
        out.write("\n");
    }
}
