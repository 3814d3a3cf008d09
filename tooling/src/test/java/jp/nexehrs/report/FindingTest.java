package jp.nexehrs.report;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A finding as editors and CI read it: the compiler-style line, the order reports use, and what may be absent. */
class FindingTest {
    @Test
    void theLineShowsOnlyThePositionThatIsKnown() {
        assertEquals("spec/a.adoc:3:7: error: 壊れた", Finding.error("spec/a.adoc", 3, 7, "壊れた").toLine());
        assertEquals("spec/a.adoc:3: warning: 注意", Finding.warning("spec/a.adoc", 3, 0, "注意").toLine());
        assertEquals("spec/a.adoc: error: m", Finding.error("spec/a.adoc", 0, 7, "m").toLine(), "no column without a line");
        assertEquals("(project): error: m", Finding.error(null, 0, 0, "m").toLine());
        assertEquals("x.json:1:1: information: m (Patient.name)",
                new Finding(Severity.INFORMATION, "x.json", 1, 1, "Patient.name", "id", "m").toLine());
    }

    @Test
    void absentPartsBecomeEmptyButSeverityAndMessageAreRequired() {
        Finding finding = new Finding(Severity.WARNING, null, 0, 0, null, null, "m");
        assertEquals("", finding.file());
        assertEquals("", finding.fhirPath());
        assertEquals("", finding.messageId());
        assertFalse(finding.isError());
        assertTrue(Finding.error("f", 1, 1, "m").isError());
        assertThrows(NullPointerException.class, () -> new Finding(null, "f", 0, 0, "", "", "m"));
        assertThrows(NullPointerException.class, () -> new Finding(Severity.ERROR, "f", 0, 0, "", "", null));
    }

    @Test
    void findingsAreOrderedByFileLineColumnSeverityThenMessage() {
        Finding projectWide = Finding.error("", 0, 0, "z");
        Finding a1 = Finding.warning("a", 1, 0, "b");
        Finding a1error = Finding.error("a", 1, 0, "c");
        Finding a1errorEarlier = Finding.error("a", 1, 0, "a");
        Finding a1col2 = Finding.error("a", 1, 2, "a");
        Finding a2 = Finding.error("a", 2, 0, "a");
        Finding b0 = Finding.error("b", 0, 0, "a");
        List<Finding> sorted = new ArrayList<>(List.of(b0, a2, a1col2, a1, a1error, a1errorEarlier, projectWide));
        sorted.sort(Finding.ORDER);
        assertEquals(List.of(projectWide, a1errorEarlier, a1error, a1, a1col2, a2, b0), sorted);
    }

    @Test
    void aSourceExceptionBecomesAnErrorAtItsPosition() {
        SourceException e = new SourceException("nexehrs.yaml", 4, 2, "unknown key");
        assertEquals(Finding.error("nexehrs.yaml", 4, 2, "unknown key"), e.toFinding());
        assertEquals("nexehrs.yaml", e.file());
        assertEquals(4, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void severityLabelsAreLowerCase() {
        assertEquals("error", Severity.ERROR.label());
        assertEquals("warning", Severity.WARNING.label());
        assertEquals("information", Severity.INFORMATION.label());
    }
}
