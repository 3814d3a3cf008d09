package jp.nexehrs.report.format;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Renders a {@link ValidationReport} for a reader: a person, a script, GitHub code scanning or a CI test view. */
public interface ReportFormat {
    /** The whole report as text: for reports that fit in memory as a string (tests, merges of small reports). */
    default String render(ValidationReport report) {
        StringWriter text = new StringWriter();
        try {
            write(report, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    /** The report written to {@code out}; a format that can, writes it as it goes rather than building it first. */
    void write(ValidationReport report, Writer out) throws IOException;

    /**
     * How a report is written: the toolchain's version (JSON and SARIF name it) and whether the text shows
     * information findings too.
     */
    record Settings(String toolVersion, boolean withInformation) {
        public static final Settings DEFAULT = new Settings("", false);
    }

    /** The formats of {@code nexehrs validate --format}. */
    enum Kind {
        TEXT, JSON, SARIF, JUNIT;

        public ReportFormat format() {
            return format(Settings.DEFAULT);
        }

        public ReportFormat format(Settings settings) {
            return switch (this) {
                case TEXT -> new TextFormat(settings.withInformation());
                case JSON -> new JsonFormat(settings.toolVersion());
                case SARIF -> new SarifFormat(settings.toolVersion());
                case JUNIT -> new JunitFormat();
            };
        }
    }
}
