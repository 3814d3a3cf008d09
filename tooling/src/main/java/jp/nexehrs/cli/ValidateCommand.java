package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.report.Finding;
import picocli.CommandLine.Command;
import jp.nexehrs.report.format.ReportFormat;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.validation.PackageValidation;
import jp.nexehrs.validation.ProjectFileValidation;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Validates FHIR resources against the project's profiles and prints one line per problem:",
                "  file:line:col: severity: message (FHIRPath)",
                "With no PATH, validates the project's examples (nothing is written). With PATHs, validates those files,",
                "or every .json and .xml file under those folders.",
                "",
                "With --package, validates PATHs against the conformance resources of those FHIR packages instead, outside",
                "any project (no nexehrs.yaml needed): for implementers checking their own resources.",
                "",
                "Codes from code systems that are not available offline (LOINC, SNOMED CT, Japanese national code",
                "systems) are warnings that say 'not checked offline', never errors."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors", "1:errors found", "2:usage or environment error"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "FHIR resource files (.json, .xml) or folders of them.")
    List<Path> paths = List.of();

    @Option(names = "--package", paramLabel = "<file.tgz>",
            description = "A FHIR package (.tgz, or a folder holding package/) to validate against; repeatable. No project is used then.")
    List<Path> packages = List.of();

    @Option(names = "--profile", paramLabel = "<canonical>",
            description = "Validate every resource against this profile instead of its meta.profile (with --package).")
    String profile;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text", converter = FormatConverter.class,
            description = "Output on standard output: text, json, sarif (SARIF 2.1.0, for GitHub code scanning) or junit (JUnit XML, for CI). Default: ${DEFAULT-VALUE}.")
    ReportFormat.Kind format = ReportFormat.Kind.TEXT;

    /** Format names are written in lower case on the command line. */
    static final class FormatConverter implements CommandLine.ITypeConverter<ReportFormat.Kind> {
        @Override
        public ReportFormat.Kind convert(String value) {
            try {
                return ReportFormat.Kind.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown format '" + value + "': use text, json, sarif or junit");
            }
        }
    }

    @Override
    public Integer call() {
        return Runner.run(options, (toolkit, console) -> {
            for (Path path : packages) {
                if (!Files.exists(path)) {
                    console.failure("no such FHIR package: " + path, null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
            }
            for (Path path : paths) {
                if (!Files.exists(path)) {
                    console.failure("no such file or folder: " + path, null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
            }
            if (!packages.isEmpty() && paths.isEmpty()) {
                console.failure("--package needs the files or folders to validate", null);
                return ExitCode.USAGE_OR_ENVIRONMENT;
            }
            if (profile != null && packages.isEmpty()) {
                console.failure("--profile needs --package", null);
                return ExitCode.USAGE_OR_ENVIRONMENT;
            }
            ValidationReport report;
            if (!packages.isEmpty()) {
                report = new PackageValidation(toolkit, console.progress()).validate(packages, Optional.ofNullable(profile), paths);
            } else {
                Pipeline pipeline = new Pipeline(toolkit, console.progress());
                report = paths.isEmpty()
                        ? new ValidationReport(List.of(), pipeline.run(options.project, Goal.VALIDATE).findings())
                        : new ValidationReport(PackageValidation.fileNames(paths), new ProjectFileValidation(toolkit, console.progress()).validate(options.project, paths));
            }
            List<Finding> findings = report.findings();
            if (format == ReportFormat.Kind.TEXT) console.findings(findings);
            else console.text(format.format().render(report));
            console.summary(findings, "validation");
            return findings.stream().anyMatch(Finding::isError) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }
}
