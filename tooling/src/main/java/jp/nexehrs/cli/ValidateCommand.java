package jp.nexehrs.cli;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.ToolchainFingerprint;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.format.ReportFormat;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.fhir.MessageTranslation;
import jp.nexehrs.util.UserCache;
import jp.nexehrs.validation.MessageLanguage;
import jp.nexehrs.validation.OwnMessages;
import jp.nexehrs.validation.PackageValidation;
import jp.nexehrs.validation.ProjectFileValidation;
import jp.nexehrs.validation.Shard;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
                "Validates FHIR resources against the project's profiles and prints one line per problem:",
                "  file:line:col: severity: message (FHIRPath)",
                "then a summary line counting errors, warnings and information. With no PATH, validates the project's examples",
                "(no site or package is written). With PATHs, validates those files, or every .json and .xml file under those folders.",
                "",
                "With --package, validates PATHs against the conformance resources of those FHIR packages instead, outside",
                "any project (no nexehrs.yaml needed): for implementers checking their own resources. PATHs may then also be",
                "NDJSON files (.ndjson, or gzipped .ndjson.gz, as FHIR Bulk Data exports are): one resource per line, read as a",
                "stream; a finding names the file and line. Each resource's report says which profiles it was checked against.",
                "",
                "Results are remembered in a cache keyed by content, profiles, packages, options and toolchain (--no-cache to",
                "skip it): in a project, the build's own cache in build/.cache; with --package, the user's cache. A cached",
                "result is exactly what validating again would say: any change to what it depends on misses the cache.",
                "",
                "Codes from code systems that are not available offline (LOINC, SNOMED CT, Japanese national code",
                "systems) are warnings that say 'not checked offline', never errors."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors", "1:errors found", "2:usage or environment error"})
final class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "FHIR resource files (.json, .xml; with --package also .ndjson, .ndjson.gz) or folders of them.")
    List<Path> paths = List.of();

    @Option(names = "--package", paramLabel = "<file.tgz>",
            description = "A FHIR package (.tgz, or a folder holding package/) to validate against; repeatable. No project is used then.")
    List<Path> packages = List.of();

    @Option(names = "--profile", paramLabel = "<profile>",
            description = "Validate every resource against this profile too, besides its meta.profile (with --package): its name, id or canonical URL.")
    String profile;

    @Option(names = "--require-profile",
            description = "A resource that claims none of the packages' profiles (and no --profile) is an error, not information (with --package).")
    boolean requireProfile;

    @Option(names = "--shard", paramLabel = "K/N", converter = ShardConverter.class,
            description = "Validate only this run's share: of the resources counted from 0 across all PATHs in order (files under a folder "
            + "by name, NDJSON lines in order), number i goes to shard i mod N + 1. 'nexehrs merge' joins the N reports (with --package).")
    Shard shard = Shard.ALL;

    @Option(names = "--no-cache", description = "Validate every resource afresh: neither read nor write the result cache "
            + "(the project's build/.cache; with --package, the user's cache).")
    boolean noCache;

    @Option(names = "--cache-dir", paramLabel = "<folder>",
            description = "Where the result cache lives (with --package). Default: $XDG_CACHE_HOME/nexehrs, else ~/.cache/nexehrs.")
    Path cacheDir;

    @Option(names = "--lang", paramLabel = "ja|en", converter = LanguageConverter.class,
            description = "The language of the messages (the FHIR library's own translations, and ours). Default: 'language' in nexehrs.yaml, else the user's locale.")
    Locale language;

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

    static final class LanguageConverter implements CommandLine.ITypeConverter<Locale> {
        @Override
        public Locale convert(String value) {
            return MessageTranslation.languageOf(value)
                    .orElseThrow(() -> new CommandLine.TypeConversionException("--lang: '" + value + "' is not ja or en"));
        }
    }

    static final class ShardConverter implements CommandLine.ITypeConverter<Shard> {
        @Override
        public Shard convert(String value) {
            try {
                return Shard.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--shard: " + e.getMessage());
            }
        }
    }

    @Override
    public Integer call() {
        // In a project, the build's cache: profiles' snapshots and examples' results made by a build are found, and the
        // reverse. With --package, the toolkit belongs to no project and the results go to the user's cache.
        Toolkit.Caching caching = packages.isEmpty() ? Caching.of(noCache) : Toolkit.Caching.OFF;
        return Runner.run(options, caching, (toolkit, console) -> {
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
            if (packages.isEmpty()) {
                for (String packageOnly : List.of(profile == null ? "" : "--profile", requireProfile ? "--require-profile" : "",
                        shard.count() > 1 ? "--shard" : "")) {
                    if (packageOnly.isEmpty()) continue;
                    console.failure(packageOnly + " needs --package", null);
                    return ExitCode.USAGE_OR_ENVIRONMENT;
                }
            }
            Locale words = language != null ? language : MessageLanguage.defaultFor(options.project, Locale.getDefault());
            ValidationReport report;
            if (!packages.isEmpty()) {
                PackageValidation.Request request = new PackageValidation.Request(packages, Optional.ofNullable(profile), requireProfile,
                        paths, shard, words);
                report = new PackageValidation(toolkit, console.progress()).validate(request, resultCache());
            } else {
                Pipeline pipeline = new Pipeline(toolkit, console.progress());
                report = paths.isEmpty()
                        ? new ValidationReport(List.of(), pipeline.run(options.project, Goal.VALIDATE).findings())
                        : new ValidationReport(PackageValidation.fileNames(paths), new ProjectFileValidation(toolkit, console.progress()).validate(options.project, paths));
            }
            console.report(translated(report, words), format, VersionProvider.version(), new OwnMessages(words));
            return report.findings().stream().anyMatch(Finding::isError) ? ExitCode.CONTENT_ERRORS : ExitCode.OK;
        });
    }

    /** The findings in the reader's language; the validator and the cache work in English (see MessageTranslation). */
    private static ValidationReport translated(ValidationReport report, Locale words) {
        MessageTranslation translation = OwnMessages.translation(words);
        if (translation.isEnglish()) return report;
        // Each message translated once: an export repeats the same few messages on thousands of resources.
        java.util.Map<String, String> translations = new java.util.concurrent.ConcurrentHashMap<>();
        return report.withFindings(f -> new Finding(f.severity(), f.file(), f.line(), f.column(), f.fhirPath(), f.messageId(),
                translations.computeIfAbsent(f.messageId() + "\u0000" + f.message(), k -> translation.translate(f.messageId(), f.message()))));
    }

    private BuildCache resultCache() {
        if (noCache) return BuildCache.disabled();
        Path folder = cacheDir != null ? cacheDir : UserCache.folder();
        return BuildCache.at(folder, ToolchainFingerprint.of(VersionProvider.version()));
    }
}
