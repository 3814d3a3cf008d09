package jp.nexehrs.cli;

import jp.nexehrs.pdf.PdfRequest;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.publish.LastBuild;
import jp.nexehrs.report.Finding;
import jp.nexehrs.versions.VersionedBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "build", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Builds the specification: converts the AsciiDoc documents in spec/, generates snapshots for the profiles",
                "in profiles/, validates every example, and writes the site to build/site/, the FHIR package to",
                "build/package/<id>-<version>.tgz and the QA report to build/qa.json (and build/site/qa.html).",
                "",
                "When there are errors nothing but the QA report is written: the previous site and package stay as they were.",
                "",
                "With --all-versions, builds every release (Git tags that look like versions: v1.2.0, 1.2.0, 1.3.0-ballot1) and the",
                "working tree as 'current' into build/site/<version>/ and build/site/current/, with a version switcher on every",
                "page, build/site/history.html, a change log per version under build/site/changes/ and build/site/package-list.json.",
                "Each release is built once and cached in build/.versions/<commit>/. Needs the full Git history (no shallow clone)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:built, no errors", "1:the content has errors (each printed as file:line:col: severity: message)",
                "2:usage or environment error (no project, unwritable output)"})
final class BuildCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(names = "--timings", description = "Print the wall time of each stage, the peak heap, and the build cache's hits and misses.")
    boolean timings;

    @Option(names = "--no-cache", description = "Convert and validate everything afresh, ignoring build/.cache (and storing nothing in it). "
            + "Unchanged documents, snapshots and validations are otherwise taken from there; the output is the same bytes. "
            + "When nothing at all changed since the last build (project files, commit, dependencies, options, toolchain), "
            + "the build does not run: it prints the last build's findings and leaves build/ as it is.")
    boolean noCache;

    @Option(names = "--pdf", description = "Also make a PDF of each guideline (build/site/pdf/<document>.pdf) and of the whole set "
            + "(build/site/pdf/book.pdf), with embedded Japanese fonts; fails (exit 2) when the IPAex fonts are not installed. "
            + "'pdf: true' in nexehrs.yaml makes PDFs on every build when the fonts are there. Slow: a few seconds per document.")
    boolean pdf;

    @Option(names = "--all-versions", description = "Build every released version and the draft into one site (see above).")
    boolean allVersions;

    @Option(names = "--draft", description = "Publish the working tree as a draft: its version gets the label '-cibuild' (0.1.0 becomes "
            + "0.1.0-cibuild) in the package, its file name, the ImplementationGuide and every resource's version. CI uses it on "
            + "branches, so that only a build of a tag carries the plain version. (--all-versions always builds 'current' so.)")
    boolean draft;

    @Override
    public Integer call() {
        if (allVersions) return allVersions();
        return Runner.run(options, Caching.of(noCache), (toolkit, console) -> {
            Pipeline pipeline = new Pipeline(toolkit, console.progress(), pdf ? PdfRequest.REQUIRED : PdfRequest.OFF);
            // A draft's record differs from a release's (the draft is part of the inputs' digest): switching rebuilds.
            Pipeline chosen = draft ? pipeline.asDraft() : pipeline;
            Optional<LastBuild> unchanged = chosen.unchangedSinceLastBuild(options.project);
            if (unchanged.isPresent()) {
                console.findings(unchanged.get().findings());
                console.info("nothing changed since the last build: build/ is up to date (--no-cache builds everything afresh)");
                console.summary(unchanged.get().findings(), "build");
                return unchanged.get().findings().stream().anyMatch(Finding::isError) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
            }
            Outcome outcome = chosen.run(options.project, Goal.BUILD);
            console.findings(outcome.findings());
            outcome.published().written().forEach(path -> console.info("wrote " + path));
            if (timings) console.text("Stage timings:\n" + outcome.timings().table());
            if (timings || options.verbose) console.text(outcome.cache().summary() + "\n");
            console.summary(outcome.findings(), "build");
            return outcome.failed() ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }

    private Integer allVersions() {
        return Runner.run(options, (toolkit, console) -> {
            VersionedBuild.Result result = new VersionedBuild(toolkit, console.progress()).run(options.project);
            console.findings(result.findings());
            result.versions().forEach(v -> console.info("version " + v.version().name() + (v.reused() ? ": reused from " : ": built in ") + v.dir()));
            result.published().written().forEach(path -> console.info("wrote " + path));
            console.summary(result.findings(), "build of " + result.versions().size() + " versions");
            return result.failed() ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }
}
