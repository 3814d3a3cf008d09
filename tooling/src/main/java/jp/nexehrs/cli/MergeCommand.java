package jp.nexehrs.cli;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.format.ReportFormat;
import jp.nexehrs.report.format.ReportMerge;
import jp.nexehrs.report.format.ReportReader;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.validation.OwnMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Joins the reports of 'nexehrs validate --package ... --shard K/N --format json|sarif' (one per shard) into the",
                "report the unsharded run would have written, on standard output, in the reports' format (or --format)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors in the reports", "1:the reports hold errors", "2:a report cannot be read, or usage error"})
final class MergeCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "REPORT", arity = "1..*", description = "Reports written by nexehrs validate --format json or sarif.")
    List<Path> reports = List.of();

    @Option(names = "--format", paramLabel = "<format>", converter = ValidateCommand.FormatConverter.class,
            description = "Output format: text, json, sarif or junit. Default: the reports' own format.")
    ReportFormat.Kind format;

    @Override
    public Integer call() {
        Console console = new Console(options);
        List<ValidationReport> read = new ArrayList<>();
        ReportFormat.Kind inputFormat = null;
        String toolVersion = "";
        for (Path path : reports) {
            try {
                ReportReader.Read one = ReportReader.read(Files.readString(path, StandardCharsets.UTF_8));
                if (inputFormat != null && inputFormat != one.format()) {
                    console.failure(path + ": a " + one.format().name().toLowerCase(java.util.Locale.ROOT) + " report among "
                            + inputFormat.name().toLowerCase(java.util.Locale.ROOT) + " reports: merge reports of one format", null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
                inputFormat = one.format();
                toolVersion = one.toolVersion();
                read.add(one.report());
            } catch (IOException e) {
                console.failure(path + ": cannot read the report" + (Files.exists(path) ? "" : ": no such file"), null);
                return ExitCode.USAGE_OR_ENVIRONMENT;
            } catch (ReportReader.UnreadableReport e) {
                console.failure(path + ": " + e.getMessage(), null);
                return ExitCode.USAGE_OR_ENVIRONMENT;
            }
        }
        ValidationReport merged = ReportMerge.merge(read);
        console.report(merged, format != null ? format : inputFormat, toolVersion, new OwnMessages(java.util.Locale.ENGLISH));
        return merged.findings().stream().anyMatch(Finding::isError) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
    }
}
