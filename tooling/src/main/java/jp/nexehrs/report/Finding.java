package jp.nexehrs.report;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found anywhere in the build: where it is (file relative to the project, 1-based line and
 * column, 0 when unknown), what is wrong, and for FHIR content the validator's message id and FHIRPath.
 */
public record Finding(Severity severity, String file, int line, int column, String fhirPath, String messageId,
                      String message) {

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::file, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingInt(Finding::line).thenComparingInt(Finding::column)
            .thenComparing(Finding::severity).thenComparing(Finding::message);

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        fhirPath = fhirPath == null ? "" : fhirPath;
        messageId = messageId == null ? "" : messageId;
        file = file == null ? "" : file;
    }

    public static Finding error(String file, int line, int column, String message) {
        return new Finding(Severity.ERROR, file, line, column, "", "", message);
    }

    public static Finding warning(String file, int line, int column, String message) {
        return new Finding(Severity.WARNING, file, line, column, "", "", message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line editors and CI annotate: {@code file:line:col: severity: message (path)}. */
    public String toLine() {
        StringBuilder sb = new StringBuilder(file.isEmpty() ? "(project)" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) sb.append(':').append(column);
        }
        sb.append(": ").append(severity.label()).append(": ").append(message);
        if (!fhirPath.isEmpty()) sb.append(" (").append(fhirPath).append(')');
        return sb.toString();
    }
}
