package jp.nexehrs.cli;

import jp.nexehrs.load.ProjectConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;

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
}
