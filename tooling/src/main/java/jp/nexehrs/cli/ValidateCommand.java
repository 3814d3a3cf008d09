package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.report.Finding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Validates FHIR resources against the project's profiles and prints one line per problem:",
                "  file:line:col: severity: message (FHIRPath)",
                "With no PATH, validates the project's examples (nothing is written). With PATHs, validates those files,",
                "or every .json and .xml file under those folders.",
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

    @Override
    public Integer call() {
        return Runner.run(options, (toolkit, console) -> {
            for (Path path : paths) {
                if (!Files.exists(path)) {
                    console.failure("no such file or folder: " + path, null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
            }
            Pipeline pipeline = new Pipeline(toolkit, console.progress());
            List<Finding> findings = paths.isEmpty()
                    ? pipeline.run(options.project, Goal.VALIDATE).findings()
                    : pipeline.validateFiles(options.project, paths);
            console.findings(findings);
            console.summary(findings, "validation");
            return findings.stream().anyMatch(Finding::isError) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }
}
