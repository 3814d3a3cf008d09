package jp.nexehrs.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each output format of {@code nexehrs validate}, parsed back and checked against what its readers expect. */
class ReportFormatTest {
    private static final Finding ERROR = new Finding(Severity.ERROR, "examples/bad.json", 12, 5, "Patient.identifier",
            "Validation_VAL_Profile_Minimum", "Patient.identifier: minimum required = 1, but only found 0 <&> \"quoted\"");
    private static final Finding WARNING = new Finding(Severity.WARNING, "examples/bad.json", 0, 0, "", "",
            "not checked offline: a code system is unknown");
    private static final Finding NOTE = new Finding(Severity.INFORMATION, "examples/ok.json", 3, 0, "Patient", "dom-6", "narrative");
    private static final ValidationReport REPORT = new ValidationReport(
            List.of("examples/bad.json", "examples/ok.json", "examples/clean.json"), List.of(NOTE, WARNING, ERROR));
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void textIsOneCompilerStyleLinePerFindingAndInformationOnlyWhenAsked() {
        String text = ReportFormat.Kind.TEXT.format().render(REPORT);
        List<String> lines = text.lines().toList();
        assertEquals(2, lines.size(), "no information by default: " + text);
        assertTrue(new TextFormat(true).render(REPORT).contains(NOTE.toLine()), "information with --verbose");
        assertEquals(WARNING.toLine(), lines.get(0), "ordered by file, line, column");
        assertEquals(ERROR.toLine(), lines.get(1));
        assertTrue(lines.get(1).startsWith("examples/bad.json:12:5: error: "));
    }

    @Test
    void textGroupsTheSameMessageOnTheSamePathOfOneFile() {
        Finding again = new Finding(Severity.ERROR, "examples/bad.json", 30, 7, "Patient.identifier",
                "Validation_VAL_Profile_Minimum", "Patient.identifier: minimum required = 1, but only found 0 (another profile)");
        Finding elsewhere = new Finding(Severity.ERROR, "examples/other.json", 12, 5, "Patient.identifier",
                "Validation_VAL_Profile_Minimum", "Patient.identifier: minimum required = 1, but only found 0");
        String text = ReportFormat.Kind.TEXT.format().render(new ValidationReport(
                List.of("examples/bad.json", "examples/other.json"), List.of(ERROR, again, elsewhere, WARNING, WARNING)));
        List<String> lines = text.lines().toList();
        assertEquals(4, lines.size(), text);
        assertEquals(ERROR.toLine() + " [2 times; also at line 30]", lines.get(2), "after the two warnings (line 0): " + text);
        assertTrue(lines.contains(elsewhere.toLine()), "another file is not grouped: " + text);
        assertEquals(2, lines.stream().filter(WARNING.toLine()::equals).count(), "findings without a message id are not grouped");
    }

    @Test
    void jsonHoldsTheFindings() throws Exception {
        JsonNode array = json.readTree(ReportFormat.Kind.JSON.format().render(REPORT)).get("findings");
        assertTrue(array.isArray());
        assertEquals(3, array.size());
        JsonNode error = array.get(1);
        assertEquals("error", error.get("severity").asText());
        assertEquals("examples/bad.json", error.get("file").asText());
        assertEquals(12, error.get("line").asInt());
        assertEquals(5, error.get("column").asInt());
        assertEquals("Patient.identifier", error.get("fhirPath").asText());
        assertEquals("Validation_VAL_Profile_Minimum", error.get("messageId").asText());
        assertEquals(ERROR.message(), error.get("message").asText());
    }

    @Test
    void sarifUrisArePercentEncoded() throws Exception {
        Finding odd = new Finding(Severity.ERROR, "examples/患者 #1%.json", 2, 0, "", "", "bad");
        JsonNode log = json.readTree(ReportFormat.Kind.SARIF.format().render(new ValidationReport(List.of(odd.file()), List.of(odd))));
        assertEquals("examples/%E6%82%A3%E8%80%85%20%231%25.json",
                log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void sarifHasWhatGithubCodeScanningReads() throws Exception {
        JsonNode log = json.readTree(ReportFormat.Kind.SARIF.format().render(REPORT));
        assertEquals("2.1.0", log.get("version").asText());
        assertEquals(SarifFormat.SCHEMA, log.get("$schema").asText());
        JsonNode run = log.get("runs").get(0);
        assertEquals("nexehrs", run.at("/tool/driver/name").asText());
        JsonNode results = run.get("results");
        assertEquals(3, results.size());

        JsonNode error = results.get(1);
        assertEquals("Validation_VAL_Profile_Minimum", error.get("ruleId").asText());
        assertEquals("error", error.get("level").asText());
        assertTrue(error.at("/message/text").asText().endsWith("(Patient.identifier)"));
        JsonNode location = error.at("/locations/0/physicalLocation");
        assertEquals("examples/bad.json", location.at("/artifactLocation/uri").asText());
        assertEquals(12, location.at("/region/startLine").asInt());
        assertEquals(5, location.at("/region/startColumn").asInt());

        JsonNode warning = results.get(0);
        assertEquals("warning", warning.get("level").asText());
        assertEquals(SarifFormat.GENERAL_RULE, warning.get("ruleId").asText(), "a rule id even without a message id");
        assertTrue(warning.at("/locations/0/physicalLocation/region").isMissingNode(), "no region for an unknown line (SARIF lines start at 1)");
        assertEquals("note", results.get(2).get("level").asText());

        List<String> ruleIds = run.at("/tool/driver/rules").findValuesAsText("id");
        for (JsonNode result : results) assertTrue(ruleIds.contains(result.get("ruleId").asText()), "every ruleId is a declared rule");
    }

    @Test
    void junitHasOneTestcasePerFileAndFailuresForErrors() throws Exception {
        String xml = ReportFormat.Kind.JUNIT.format().render(REPORT);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suite = document.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        Element bad = (Element) cases.item(0);
        assertEquals("examples/bad.json", bad.getAttribute("name"));
        Element failure = (Element) bad.getElementsByTagName("failure").item(0);
        assertEquals("Validation_VAL_Profile_Minimum", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("<&> \"quoted\""), "special characters survive escaping");
        assertEquals(1, bad.getElementsByTagName("system-out").getLength(), "warnings are output, not failures");
        for (int i = 1; i < 3; i++) {
            assertEquals(0, ((Element) cases.item(i)).getElementsByTagName("failure").getLength());
        }
        assertFalse(xml.isBlank());
    }
}
