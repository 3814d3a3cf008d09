package jp.nexehrs.report.format;

/** Renders a {@link ValidationReport} for a reader: a person, a script, GitHub code scanning or a CI test view. */
public interface ReportFormat {
    String render(ValidationReport report);

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
