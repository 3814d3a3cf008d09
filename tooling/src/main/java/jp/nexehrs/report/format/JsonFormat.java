package jp.nexehrs.report.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.nexehrs.report.Finding;

/**
 * A JSON array with one object per finding: severity (error, warning, information), file, line, column (0 when
 * unknown), fhirPath, messageId and message. For scripts.
 */
public final class JsonFormat implements ReportFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(ValidationReport report) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding finding : report.findings()) {
            ObjectNode node = array.addObject();
            node.put("severity", finding.severity().label());
            node.put("file", finding.file());
            node.put("line", finding.line());
            node.put("column", finding.column());
            node.put("fhirPath", finding.fhirPath());
            node.put("messageId", finding.messageId());
            node.put("message", finding.message());
        }
        return write(array);
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
