package jp.nexehrs.cli;

import jp.nexehrs.changelog.ChangeLogFormat;
import jp.nexehrs.versions.VersionDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Prints what changed between two versions of the specification, for implementers: profiles added or removed;",
                "per element, cardinality, types, binding strength and value set, must-support, fixed and pattern values and",
                "constraints; guideline documents added or removed and sections changed. Each change is marked BREAKING or",
                "not, with the rule used (breaking = what conformed to <from> may not conform to <to>).",
                "",
                "Versions are Git tags that look like versions (v1.2.0, 1.2.0, 1.3.0-ballot1) or 'current' (the working tree).",
                "A release is built once with today's toolchain and cached in build/.versions/<commit>/.",
                "",
                "Example:  nexehrs diff 1.0.0 current --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (whatever changed)", "1:a version has content errors and cannot be compared",
                "2:usage or environment error (no Git repository, shallow clone, unknown version)"})
final class DiffCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(index = "0", paramLabel = "<from>", description = "The older version: 1.2.0, v1.2.0 or current.")
    String from;

    @Parameters(index = "1", paramLabel = "<to>", description = "The newer version: 1.3.0, v1.3.0 or current.")
    String to;

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
            description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() {
        // The working tree's build ("current") reuses converted documents and validations from the build cache, as
        // `build` does: an unchanged tree then needs no Asciidoctor, whose Ruby runtime costs seconds to start.
        return Runner.run(options, Caching.of(false), (toolkit, console) -> {
            VersionDiff.Result result = new VersionDiff(toolkit, console.progress()).compare(options.project, from, to);
            if (result.changeLog() == null) {
                console.findings(result.findings());
                console.summary(result.findings(), "diff");
                return ExitCode.CONTENT_ERRORS;
            }
            console.text(format == Format.json ? ChangeLogFormat.json(result.changeLog()) : ChangeLogFormat.text(result.changeLog()));
            return ExitCode.OK;
        });
    }
}
