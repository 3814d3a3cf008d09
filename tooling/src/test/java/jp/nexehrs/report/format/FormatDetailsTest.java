package jp.nexehrs.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The details of each report format that its readers depend on, beyond the shape ReportFormatTest checks. */
class FormatDetailsTest {
    private static Element junitSuite(ValidationReport report) throws Exception {
        String xml = new JunitFormat().render(report);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    @Test
    void aJunitFailureWithoutAValidatorMessageIdIsOfTypeErrorAndCountsItsErrors() throws Exception {
        ValidationReport report = new ValidationReport(List.of("a.json"), List.of(
                Finding.error("a.json", 2, 0, "first problem"), Finding.error("a.json", 5, 0, "second problem")));
        Element suite = junitSuite(report);
        assertEquals(JunitFormat.SUITE_NAME, suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
        Element testCase = (Element) suite.getElementsByTagName("testcase").item(0);
        assertEquals("nexehrs.validate", testCase.getAttribute("classname"));
        Element failure = (Element) testCase.getElementsByTagName("failure").item(0);
        assertEquals("error", failure.getAttribute("type"));
        assertEquals("2 error(s); first: first problem", failure.getAttribute("message"));
        assertEquals("a.json:2: error: first problem\na.json:5: error: second problem", failure.getTextContent());
        assertEquals(0, testCase.getElementsByTagName("system-out").getLength(), "no warnings, no output");
    }

    @Test
    void aProjectWideFindingIsItsOwnJunitCase() throws Exception {
        ValidationReport report = new ValidationReport(List.of(), List.of(Finding.warning("", 0, 0, "config")));
        Element testCase = (Element) junitSuite(report).getElementsByTagName("testcase").item(0);
        assertEquals("(project)", testCase.getAttribute("name"));
        assertEquals(0, testCase.getElementsByTagName("failure").getLength());
        assertEquals("(project): warning: config", testCase.getElementsByTagName("system-out").item(0).getTextContent());
    }

    @Test
    void sarifLeavesOutTheLocationOfAProjectWideFindingAndAnUnknownColumn() throws Exception {
        ValidationReport report = new ValidationReport(List.of(), List.of(Finding.error("", 0, 0, "no file"),
                Finding.warning("dir\\a.json", 4, 0, "no column")));
        JsonNode results = new ObjectMapper().readTree(new SarifFormat().render(report)).at("/runs/0/results");
        assertTrue(results.get(0).path("locations").isMissingNode(), results.toString());
        assertEquals("no file", results.get(0).at("/message/text").asText(), "no FHIRPath, no brackets");
        JsonNode location = results.get(1).at("/locations/0/physicalLocation");
        assertEquals("dir/a.json", location.at("/artifactLocation/uri").asText(), "forward slashes");
        assertEquals(4, location.at("/region/startLine").asInt());
        assertTrue(location.at("/region/startColumn").isMissingNode());
        JsonNode rules = new ObjectMapper().readTree(new SarifFormat().render(report)).at("/runs/0/tool/driver/rules");
        assertEquals(1, rules.size(), "one rule declared once for both findings: " + rules);
    }

    @Test
    void textGroupsRepeatsWithoutALineAsAQuestionMark() {
        Finding first = new Finding(Severity.ERROR, "a.json", 3, 0, "Patient", "id-1", "m");
        Finding again = new Finding(Severity.ERROR, "a.json", 0, 0, "Patient", "id-1", "m");
        Finding otherSeverity = new Finding(Severity.WARNING, "a.json", 4, 0, "Patient", "id-1", "m");
        String text = new TextFormat().render(new ValidationReport(List.of("a.json"), List.of(first, again, otherSeverity)));
        assertEquals(again.toLine() + " [2 times; also at line 3]\n" + otherSeverity.toLine() + "\n", text);
    }

    @Test
    void filesWithFindingsListValidatedFilesFirstThenOthersOnce() {
        ValidationReport report = new ValidationReport(List.of("b.json", "a.json"), List.of(
                Finding.error("nexehrs.yaml", 1, 0, "x"), Finding.error("b.json", 1, 0, "y"), Finding.error("nexehrs.yaml", 2, 0, "z")));
        assertEquals(List.of("b.json", "a.json", "nexehrs.yaml"), report.filesWithFindings());
        assertEquals(2, report.findingsOf("nexehrs.yaml").size());
        assertEquals(List.of(), report.findingsOf("a.json"));
    }

    @Test
    void jsonWritesEveryFieldOfAFinding() throws Exception {
        Finding finding = new Finding(Severity.INFORMATION, "x.json", 0, 0, "", "", "note");
        JsonNode node = new ObjectMapper().readTree(new JsonFormat().render(new ValidationReport(List.of(), List.of(finding)))).at("/findings/0");
        assertEquals("information", node.get("severity").asText());
        assertEquals(0, node.get("line").asInt());
        assertEquals("", node.get("messageId").asText());
        assertEquals(7, node.size());
    }

    @Test
    void junitXmlIsWrittenExactlyAsCiReadersExpect() {
        // pinned byte for byte: the declaration, the counts CI dashboards show, one line per test case
        ValidationReport report = new ValidationReport(List.of("a.json", "b.json"), List.of(
                new Finding(Severity.ERROR, "a.json", 2, 0, "", "Rule_X", "壊れた <x>"), Finding.warning("b.json", 0, 0, "注意")));
        assertEquals("""
                <?xml version='1.0' encoding='UTF-8'?>
                <testsuite name="nexehrs validate" tests="2" failures="1" errors="0" skipped="0">
                  <testcase classname="nexehrs.validate" name="a.json"><failure type="Rule_X" message="1 error(s); first: 壊れた &lt;x>">a.json:2: error: 壊れた &lt;x></failure></testcase>
                  <testcase classname="nexehrs.validate" name="b.json"><system-out>b.json: warning: 注意</system-out></testcase>
                </testsuite>
                """, new JunitFormat().render(report));
    }
}
