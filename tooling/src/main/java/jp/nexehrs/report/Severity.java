package jp.nexehrs.report;

/** How serious a finding is. Errors fail the build; warnings and information are reported only. */
public enum Severity {
    ERROR, WARNING, INFORMATION;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
