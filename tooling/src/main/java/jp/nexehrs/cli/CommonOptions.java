package jp.nexehrs.cli;

import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.pipeline.Engines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Optional;

/** Options every command takes. */
final class CommonOptions {
    @Option(names = {"-p", "--project"}, paramLabel = "<folder>",
            description = "The project folder (the one holding nexehrs.yaml). Default: the current folder or the nearest one above it.")
    Path project = Path.of(".");

    @Option(names = {"-q", "--quiet"}, description = "Print errors only: no progress, no warnings.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Print information messages too, and stack traces of internal failures.")
    boolean verbose;

    @Option(names = "--threads", paramLabel = "<n>", description = "Threads for snapshot generation, validation, document conversion and pages. Default: the number of cores (${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--missing-dependencies", paramLabel = "error|warn", converter = MissingDependenciesOption.class,
            description = "What a dependency that is not on this machine does: 'error' stops with exit 2 and lists every missing "
            + "package with where it was looked for; 'warn' builds without it and reports each reference into it as not "
            + "checked. Default: 'missingDependencies' in nexehrs.yaml, else error.")
    ProjectConfig.MissingDependencies missingDependencies;

    /** The command these options belong to. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The engines the command line lends its runs (see {@link Main#commandLine(Engines)}), if it lends any. */
    Optional<Engines> lentEngines() {
        return command.root().userObject() instanceof Main main ? main.lentEngines() : Optional.empty();
    }
}
