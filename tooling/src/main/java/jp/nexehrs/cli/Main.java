package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Engines;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code nexehrs}: the command line. A thin layer: it parses options and hands the work to the pipeline. */
@Command(name = "nexehrs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Builds the NeXEHRS-PLAN specification: AsciiDoc guideline documents and FHIR R4 profiles and examples",
                "become a static site and a FHIR NPM conformance package, with every example validated. Works offline.",
                "",
                "Start with:  nexehrs build        (in the project folder; see build --help)",
                "A guide in the IG Publisher's layout (sushi-config.yaml, input/pagecontent/*.md) builds as it is; to move it",
                "over fully, see init --help."},
        subcommands = {BuildCommand.class, InitCommand.class, ServeCommand.class, ValidateCommand.class, MergeCommand.class, PackageCommand.class, BallotCommand.class, DiffCommand.class,
                PackagesCommand.class,
                CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the content has errors", "2:usage or environment error"})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    /** The engines every command run by this command line borrows, when it was given some; else each run makes its own. */
    private final Optional<Engines> lentEngines;

    private Main(Optional<Engines> lentEngines) {
        this.lentEngines = lentEngines;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_OR_ENVIRONMENT;
    }

    public static CommandLine commandLine() {
        return commandLine(new Main(Optional.empty()));
    }

    /** A command line whose runs all borrow {@code lent}: for a host that runs many commands in one JVM. */
    public static CommandLine commandLine(Engines lent) {
        return commandLine(new Main(Optional.of(lent)));
    }

    Optional<Engines> lentEngines() {
        return lentEngines;
    }

    private static CommandLine commandLine(Main main) {
        CommandLine commandLine = new CommandLine(main);
        // The descriptions are written as lines of up to 115 characters; narrower wrapping breaks them mid-sentence.
        commandLine.setUsageHelpWidth(120);
        commandLine.setOut(new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        commandLine.setErr(new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.USAGE_OR_ENVIRONMENT);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("nexehrs: " + e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return ExitCode.USAGE_OR_ENVIRONMENT;
        });
        return commandLine;
    }

    public static void main(String[] args) {
        localeWarning(System.getProperty("sun.jnu.encoding")).ifPresent(System.err::println);
        System.exit(commandLine().execute(args));
    }

    /**
     * The JVM reads file names and arguments in the locale's character set; where that is not UTF-8 (the C locale of
     * many containers), Japanese names cannot be read. The launcher gives such a run C.UTF-8; run otherwise, say so
     * once, before a file name fails.
     */
    static Optional<String> localeWarning(String fileNameEncoding) {
        if (fileNameEncoding == null || fileNameEncoding.equalsIgnoreCase("UTF-8")) return Optional.empty();
        return Optional.of("nexehrs: warning: this locale's character set is " + fileNameEncoding + ", so file names and arguments"
                + " in Japanese cannot be read: run with a UTF-8 locale (LC_ALL=C.UTF-8), as ./nexehrs does");
    }
}
