package jp.nexehrs.report.format;

/** Renders a {@link ValidationReport} for a reader: a person, a script, GitHub code scanning or a CI test view. */
public interface ReportFormat {
    String render(ValidationReport report);

    /** The formats of {@code nexehrs validate --format}. */
    enum Kind {
        TEXT(new TextFormat()), JSON(new JsonFormat()), SARIF(new SarifFormat()), JUNIT(new JunitFormat());

        private final ReportFormat format;

        Kind(ReportFormat format) {
            this.format = format;
        }

        public ReportFormat format() {
            return format;
        }
    }
}
