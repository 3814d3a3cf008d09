package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

@Command(name = "package", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Builds only the FHIR NPM conformance package, build/package/<id>-<version>.tgz: the profiles with",
                "generated snapshots, value sets, code systems and the validated examples. No documents, no site."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:packaged, no errors", "1:the content has errors", "2:usage or environment error"})
final class PackageCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--draft", description = "Package the working tree as a draft: version <version>-cibuild (see `nexehrs build --help`).")
    boolean draft;

    @Override
    public Integer call() {
        return Runner.run(options, (toolkit, console) -> {
            Pipeline pipeline = new Pipeline(toolkit, console.progress());
            Outcome outcome = (draft ? pipeline.asDraft() : pipeline).run(options.project, Goal.PACKAGE);
            console.findings(outcome.findings());
            outcome.published().written().forEach(path -> console.info("wrote " + path));
            console.summary(outcome.findings(), "package");
            return outcome.failed() ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }
}
