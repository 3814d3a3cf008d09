package jp.nexehrs.cli;

import jp.nexehrs.load.ConfigFileWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nexehrs init --from <folder>}: a guide in the IG Publisher's layout gets a nexehrs.yaml of its own. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Writes nexehrs.yaml for a guide kept in the IG Publisher's layout (sushi-config.yaml, input/pagecontent/*.md,",
                "input/resources, input/intro-notes, input/fsh), for editors who want to move the guide over fully.",
                "",
                "It is not needed to build such a guide: nexehrs builds it as it is, reading sushi-config.yaml. With",
                "nexehrs.yaml the project's id, canonical, version, title, status, publisher, license, dependencies, pages",
                "and menu are read from nexehrs.yaml instead (edit them there), and its other settings (suppress,",
                "missingDependencies, pdf, ...) become available. The sources stay where they are (layout: ig-publisher);",
                "sushi-config.yaml stays too, for SUSHI.",
                "",
                "Example:  nexehrs init --from .     (in the guide's folder), then: nexehrs build"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nexehrs.yaml written", "1:sushi-config.yaml has errors", "2:usage or environment error (no sushi-config.yaml, or nexehrs.yaml exists)"})
final class InitCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--from", required = true, paramLabel = "<folder>",
            description = "The guide's folder: the one holding its sushi-config.yaml. nexehrs.yaml is written there; an existing one is never overwritten.")
    Path from;

    @Override
    public Integer call() {
        return Runner.run(options, (toolkit, console) -> {
            Path written = new ConfigFileWriter().writeFrom(from);
            console.info("wrote " + written + ": the guide now builds from it (layout: ig-publisher); sushi-config.yaml stays for SUSHI");
            return ExitCode.OK;
        });
    }
}
