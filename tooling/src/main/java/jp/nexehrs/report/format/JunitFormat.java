package jp.nexehrs.report.format;

import jp.nexehrs.report.Finding;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.List;

/**
 * JUnit XML, the test report CI systems display: one testsuite, one testcase per validated file, a
 * {@code <failure>} listing the file's errors, and its warnings as {@code <system-out>}.
 */
public final class JunitFormat implements ReportFormat {
    public static final String SUITE_NAME = "nexehrs validate";

    @Override
    public void write(ValidationReport report, java.io.Writer out) throws java.io.IOException {
        List<String> files = report.filesWithFindings();
        long failing = files.stream().filter(f -> report.findingsOf(f).stream().anyMatch(Finding::isError)).count();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", SUITE_NAME);
            xml.writeAttribute("tests", Integer.toString(files.size()));
            xml.writeAttribute("failures", Long.toString(failing));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", "0");
            for (String file : files) writeCase(xml, file, report.findingsOf(file));
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML: " + e.getMessage(), e);
        }
        out.write("\n");
    }

    private static void writeCase(XMLStreamWriter xml, String file, List<Finding> findings) throws XMLStreamException {
        List<Finding> errors = findings.stream().filter(Finding::isError).toList();
        List<Finding> others = findings.stream().filter(f -> !f.isError()).toList();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "nexehrs.validate");
        xml.writeAttribute("name", file.isEmpty() ? "(project)" : file);
        if (!errors.isEmpty()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("type", errors.get(0).messageId().isEmpty() ? "error" : errors.get(0).messageId());
            xml.writeAttribute("message", errors.size() + " error(s); first: " + errors.get(0).message());
            xml.writeCharacters(lines(errors));
            xml.writeEndElement();
        }
        if (!others.isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(lines(others));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static String lines(List<Finding> findings) {
        return String.join("\n", findings.stream().map(Finding::toLine).toList());
    }
}
