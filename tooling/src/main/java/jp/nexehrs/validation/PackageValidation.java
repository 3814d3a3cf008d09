package jp.nexehrs.validation;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ResourceReader;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.PackageReader;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.report.Severity;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.report.format.CheckedResource;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.util.Parallel;
import jp.nexehrs.util.Plural;
import jp.nexehrs.util.TextPositions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Validation for implementers, outside any project: resources checked against the conformance resources of the FHIR
 * packages they name (e.g. the published NeXEHRS package), with no nexehrs.yaml. Inputs are .json and .xml files and
 * NDJSON exports (plain or gzipped), streamed a batch at a time on a few threads, so memory does not grow with the
 * export; each resource's report says which profiles it was checked against. Unreadable files and lines are findings;
 * an unreadable package or an unknown {@code --profile} stops the run.
 */
public final class PackageValidation {
    /** Resources read ahead per thread: enough to keep the threads busy, few enough to bound memory. */
    private static final int BATCH_PER_THREAD = 64;
    static final String RULE_PROFILE_UNKNOWN = "profile-unknown";
    static final String RULE_NO_PACKAGE_PROFILE = "no-package-profile";
    private static final String CORE_BASE = "http://hl7.org/fhir/StructureDefinition/";
    /** The validator's own notes about a claimed profile it cannot find; {@link #RULE_PROFILE_UNKNOWN} says it once, as an error. */
    private static final Set<String> VALIDATOR_UNKNOWN_PROFILE = Set.of("Validation_VAL_Profile_Unknown",
            "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY", "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR", "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR_NETWORK");

    /**
     * What to validate and how.
     *
     * @param profile        a profile (name, id or canonical URL) every resource is validated against, besides its claims
     * @param requireProfile whether a resource that claims none of the packages' profiles is an error (else information)
     * @param shard          this run's share of the resources
     * @param language       the language of the messages that stop the run (findings are translated by the caller,
     *                       {@link OwnMessages#translation})
     */
    public record Request(List<Path> packages, Optional<String> profile, boolean requireProfile, List<Path> paths, Shard shard,
                          Locale language) {
        public Request {
            packages = List.copyOf(packages);
            paths = List.copyOf(paths);
        }

        /** The options that can change a verdict, for the result cache's key. */
        List<String> verdictOptions() {
            return List.of("profile=" + profile.orElse(""), "require-profile=" + requireProfile);
        }
    }

    private final Toolkit toolkit;
    private final Progress progress;

    public PackageValidation(Toolkit toolkit, Progress progress) {
        this.toolkit = toolkit;
        this.progress = progress;
    }

    /**
     * @param cache where results are remembered ({@link BuildCache#disabled()} for none)
     * @throws SourceException          when a package cannot be read or a path does not exist
     * @throws UnknownProfileException  when {@code --profile} names no profile here
     */
    public ValidationReport validate(Request request, BuildCache cache) throws NexehrsException {
        List<LocalFile> files = LocalFile.expand(request.paths(), true);
        ResultCache results = ResultCache.of(cache, request.packages(), request.verdictOptions());
        Validating validating = new Validating(request);
        ValidationReport.Builder report = new ValidationReport.Builder();
        AtomicLong hits = new AtomicLong();
        SharedTexts texts = new SharedTexts();
        List<ResourceStream.Item> batch = new ArrayList<>();
        int batchSize = BATCH_PER_THREAD * toolkit.threads();
        NexehrsException[] failure = new NexehrsException[1];
        ResourceStream.read(files, request.shard(), item -> {
            if (failure[0] != null) return;
            batch.add(item);
            if (batch.size() < batchSize) return;
            try {
                validateBatch(batch, results, validating, report, hits, texts);
            } catch (NexehrsException e) {
                failure[0] = e;
            }
            batch.clear();
        });
        if (failure[0] != null) throw failure[0];
        validateBatch(batch, results, validating, report, hits, texts);
        packageFindings(validating, results).forEach(report::add);
        progress.say("validated " + Plural.of(report.resourceCount(), "resource") + (request.shard().count() > 1 ? " (shard " + request.shard() + ")" : "")
                + (results.enabled() ? ", " + hits.get() + " from the result cache" : ""));
        return report.build(files.stream().map(LocalFile::displayName).toList());
    }

    /**
     * What reading the packages found: from this run when it read them, else from the run that did (a run whose every
     * result was in the cache reads no package), so that a cached run reports exactly what an uncached one would.
     */
    private static List<Finding> packageFindings(Validating validating, ResultCache results) throws NexehrsException {
        if (!validating.prepared()) {
            Optional<List<Finding>> remembered = results.packageFindings();
            if (remembered.isPresent()) return remembered.get();
            validating.prepare();
        }
        results.rememberPackageFindings(validating.packageFindings());
        return validating.packageFindings();
    }

    /** The files {@code paths} name, as {@link #validate} would list them (for reports of a project's validation). */
    public static List<String> fileNames(List<Path> paths) throws SourceException {
        return LocalFile.expand(paths, false).stream().map(LocalFile::displayName).toList();
    }

    private void validateBatch(List<ResourceStream.Item> batch, ResultCache results, Validating validating,
                               ValidationReport.Builder report, AtomicLong hits, SharedTexts texts)
            throws NexehrsException {
        List<Optional<String>> keys = new ArrayList<>();
        List<Optional<ResultCache.Entry>> cached = new ArrayList<>();
        boolean anyMiss = false;
        for (ResourceStream.Item item : batch) {
            Optional<String> key = item instanceof ResourceStream.Resource r ? results.keyOf(r.input()) : Optional.empty();
            Optional<ResultCache.Entry> entry = key.flatMap(results::find);
            keys.add(key);
            cached.add(entry);
            anyMiss |= item instanceof ResourceStream.Resource && entry.isEmpty();
        }
        // Built on the first miss only: a run that finds every result in the cache never starts the FHIR engine.
        if (anyMiss) validating.prepare();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) indexes.add(i);
        List<ResultCache.Entry> entries = new Parallel(toolkit.threads()).map(indexes, i -> {
            if (cached.get(i).isPresent()) return cached.get(i).get();
            ResourceStream.Item item = batch.get(i);
            if (item instanceof ResourceStream.Unreadable unreadable) return new ResultCache.Entry("", List.of(), List.of(unreadable.finding()));
            ResultCache.Entry entry = validating.validate(((ResourceStream.Resource) item).input());
            keys.get(i).ifPresent(key -> results.remember(key, entry));
            return entry;
        });
        for (int i = 0; i < batch.size(); i++) {
            ResultCache.Entry entry = entries.get(i);
            if (cached.get(i).isPresent()) hits.incrementAndGet();
            if (batch.get(i) instanceof ResourceStream.Resource r) {
                ResourceInput input = r.input();
                report.add(new CheckedResource(texts.of(input.file()), input.line(), texts.of(entry.resourceType()), texts.of(entry.profiles())));
                for (Finding f : entry.findings()) {
                    report.add(new Finding(f.severity(), texts.of(f.file()), input.lineInFile(f.line()), f.column(), texts.of(f.fhirPath()),
                            texts.of(f.messageId()), texts.of(f.message())));
                }
            } else {
                entry.findings().forEach(report::add);
            }
        }
    }

    /**
     * Each text held once: the findings and profiles of an export repeat (the same message on every resource of a kind),
     * and the report keeps one small record per resource and finding, not a copy of its words.
     */
    private static final class SharedTexts {
        /** Distinct texts remembered: messages that name each resource's own ids would otherwise all be kept. */
        private static final int LIMIT = 10_000;
        private final Map<String, String> texts = new HashMap<>();
        private final Map<List<String>, List<String>> lists = new HashMap<>();

        String of(String text) {
            if (text == null) return null;
            if (texts.size() >= LIMIT) texts.clear(); // the common texts come back at once
            return texts.computeIfAbsent(text, t -> t);
        }

        List<String> of(List<String> list) {
            if (lists.size() >= LIMIT) lists.clear();
            return lists.computeIfAbsent(list, l -> List.copyOf(l));
        }
    }

    /** The FHIR engine, the packages and the validator: built when the first resource must really be validated. */
    private final class Validating {
        private final Request request;
        private FhirEngine engine;
        private ConformanceSupport support;
        private PackageProfiles packageProfiles;
        private ResourceReader reader;
        private InstanceValidator validator;
        private Optional<String> profileUrl = Optional.empty();
        private List<Finding> packageFindings = List.of();

        Validating(Request request) {
            this.request = request;
        }

        synchronized void prepare() throws NexehrsException {
            if (validator != null) return;
            engine = toolkit.fhir();
            // The packages are parsed while R4's base definitions are read on a thread of their own (FhirEngine).
            PackageReader packageReader = new PackageReader(engine, toolkit.threads());
            List<LoadedPackage> loaded = new ArrayList<>();
            for (Path location : request.packages()) loaded.add(packageReader.read(location));
            support = new ConformanceSupport(engine);
            packageFindings = new DependencyConformance(support, toolkit.threads()).register(loaded);
            progress.say("loaded " + String.join(", ", loaded.stream().map(LoadedPackage::label).toList()));
            packageProfiles = new PackageProfiles(loaded);
            if (request.profile().isPresent()) profileUrl = Optional.of(resolve(request.profile().get()));
            reader = new ResourceReader(engine);
            validator = new InstanceValidator(support);
        }

        synchronized boolean prepared() {
            return validator != null;
        }

        List<Finding> packageFindings() {
            return packageFindings;
        }

        private String resolve(String nameIdOrUrl) throws UnknownProfileException {
            Optional<PackageProfiles.Profile> found = packageProfiles.find(nameIdOrUrl);
            if (found.isPresent()) return nameIdOrUrl.contains("|") ? nameIdOrUrl : found.get().url();
            if (nameIdOrUrl.contains("/") && support.fetchStructureDefinition(nameIdOrUrl) != null) return nameIdOrUrl;
            List<PackageProfiles.Profile> listed = packageProfiles.of(nameIdOrUrl.matches("[A-Z][A-Za-z]+") ? nameIdOrUrl : "");
            if (listed.isEmpty()) listed = packageProfiles.of("");
            OwnMessages words = new OwnMessages(request.language());
            if (listed.isEmpty()) throw new UnknownProfileException(words.text("profile-option-unknown.none", nameIdOrUrl));
            StringBuilder list = new StringBuilder();
            for (PackageProfiles.Profile p : listed) list.append("\n  ").append(p.type()).append(": ").append(p.describe());
            throw new UnknownProfileException(words.text("profile-option-unknown.offer", nameIdOrUrl, list));
        }

        ResultCache.Entry validate(ResourceInput input) {
            FhirSource source;
            try {
                source = read(input);
            } catch (SourceException e) {
                return new ResultCache.Entry("", List.of(), List.of(e.toFinding()));
            }
            List<Finding> findings = new ArrayList<>();
            Set<String> checked = new LinkedHashSet<>();
            profileUrl.ifPresent(checked::add);
            for (String claim : source.claimedProfiles()) {
                if (support.fetchStructureDefinition(claim) != null) {
                    checked.add(claim);
                } else {
                    findings.add(new Finding(Severity.ERROR, source.file(), TextPositions.lineOf(source.text(), claim), 0, "meta.profile",
                            RULE_PROFILE_UNKNOWN, OwnMessages.ENGLISH.text(RULE_PROFILE_UNKNOWN, claim)));
                }
            }
            List<Finding> validated = profileUrl.isPresent() ? validator.validate(source, profileUrl.get()) : validator.validate(source);
            validated.stream().filter(f -> !VALIDATOR_UNKNOWN_PROFILE.contains(f.messageId())).forEach(findings::add);
            boolean packageProfileApplied = checked.stream().anyMatch(packageProfiles::contains);
            if (!packageProfileApplied) findings.add(noPackageProfile(source));
            if (checked.isEmpty()) checked.add(CORE_BASE + source.resourceType());
            return new ResultCache.Entry(source.resourceType(), List.copyOf(checked), findings);
        }

        private Finding noPackageProfile(FhirSource source) {
            List<PackageProfiles.Profile> forType = packageProfiles.of(source.resourceType());
            String message = forType.isEmpty() ? OwnMessages.ENGLISH.text(RULE_NO_PACKAGE_PROFILE + ".none", source.resourceType())
                    : OwnMessages.ENGLISH.text(RULE_NO_PACKAGE_PROFILE + ".offer", source.resourceType(),
                    String.join(", ", forType.stream().map(PackageProfiles.Profile::name).toList()));
            int line = TextPositions.lineOf(source.text(), "\"resourceType\"");
            return new Finding(request.requireProfile() ? Severity.ERROR : Severity.INFORMATION, source.file(),
                    line > 0 ? line : 1, 0, source.resourceType(), RULE_NO_PACKAGE_PROFILE, message);
        }

        private FhirSource read(ResourceInput input) throws SourceException {
            ResourceReader.ParsedResource parsed = reader.read(input.file(), input.bytes(), input.format(), false);
            // An implementer's resource needs no id (unlike the project's examples): it is validated, not published.
            return new FhirSource(input.file(), FhirSource.Role.EXAMPLE, input.format(), parsed.text(), parsed.resource(),
                    engine.context().getResourceType(parsed.resource()), parsed.id(), "", parsed.claimedProfiles());
        }
    }
}
