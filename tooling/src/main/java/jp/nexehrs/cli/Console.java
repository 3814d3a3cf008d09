package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.report.format.ProfileTally;
import jp.nexehrs.report.format.ReportFormat;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.util.Plural;
import jp.nexehrs.validation.OwnMessages;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the user sees: progress and findings on standard error, results on standard output. Findings are
 * printed as {@code file:line:col: severity: message (FHIRPath)}, the form editors and CI annotate.
 */
final class Console {
    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    private final CommonOptions options;

    Console(CommonOptions options) {
        this.options = options;
    }

    Progress progress() {
        return options.quiet ? Progress.SILENT : message -> err.println("nexehrs: " + message);
    }

    void findings(List<Finding> findings) {
        for (Finding finding : findings) {
            if (finding.severity() == Severity.ERROR
                    || (finding.severity() == Severity.WARNING && !options.quiet)
                    || options.verbose) {
                out.println(finding.toLine());
            }
        }
    }

    void summary(List<Finding> findings, String what) {
        long errors = findings.stream().filter(Finding::isError).count();
        long warnings = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        if (errors > 0) err.println("nexehrs: " + what + " failed: " + errors + " error(s), " + warnings + " warning(s)");
        else if (!options.quiet) err.println("nexehrs: " + what + " succeeded: " + warnings + " warning(s)");
    }

    /**
     * A validation report on standard output in {@code format} (text: errors only with --quiet, information only with
     * --verbose), then one summary line on standard error counting each severity and the profiles the resources were
     * checked against.
     */
    void report(ValidationReport report, ReportFormat.Kind format, String toolVersion, OwnMessages words) {
        if (format == ReportFormat.Kind.TEXT && options.quiet) {
            findings(report.findings());
        } else {
            // Written as it goes: the report of a large export is never one string in memory.
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                format.format(new ReportFormat.Settings(toolVersion, options.verbose)).write(report, writer);
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the report to standard output", e);
            }
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        Object[] counts = {Plural.of(errors, "error"), Plural.of(warnings, "warning"), report.count(Severity.INFORMATION), errors, warnings};
        String checked = report.resources().isEmpty() ? "" : " " + words.text("summary.checked", Plural.of(report.resources().size(), "resource"),
                String.join(", ", ProfileTally.of(report.resources())), "", "", "", report.resources().size());
        if (errors > 0) err.println("nexehrs: " + words.text("summary.failed", counts) + checked);
        else if (!options.quiet) err.println("nexehrs: " + words.text("summary.succeeded", counts) + checked);
    }

    void info(String message) {
        if (!options.quiet) err.println("nexehrs: " + message);
    }

    /** A warning about how the command runs (not about the content): always shown, even with --quiet. */
    void warning(String message) {
        err.println("nexehrs: warning: " + message);
    }

    void text(String text) {
        out.print(text);
    }

    /** A failure that stops the command: one line, and the stack trace only with --verbose. */
    void failure(String message, Throwable cause) {
        err.println("nexehrs: error: " + message);
        if (options.verbose && cause != null) cause.printStackTrace(err);
        else if (cause != null && !(cause instanceof jp.nexehrs.report.SourceException)) {
            err.println("nexehrs: (run with --verbose for the details)");
        }
    }
}
