package jp.nexehrs.pipeline;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStats;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.Checker;
import jp.nexehrs.compose.ComposedSite;
import jp.nexehrs.compose.SiteComposer;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectInputs;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pdf.PdfFonts;
import jp.nexehrs.pdf.PdfOutputs;
import jp.nexehrs.pdf.PdfRequest;
import jp.nexehrs.produce.Producer;
import jp.nexehrs.produce.Products;
import jp.nexehrs.publish.BuildLock;
import jp.nexehrs.publish.LastBuild;
import jp.nexehrs.publish.PublishException;
import jp.nexehrs.publish.Published;
import jp.nexehrs.publish.Publisher;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.util.Plural;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The whole build, top to bottom: load -> convert -> check -> compose -> produce -> publish. Each stage takes
 * the previous stage's output and returns its own; nothing reaches back. The expensive objects (the FHIR
 * engine, Asciidoctor) live in the {@link Toolkit}, built once per run.
 */
public final class Pipeline {
    public static final String BUILD_DIR = "build";
    private final Toolkit toolkit;
    private final Progress progress;
    private final PdfRequest pdfRequest;
    private final boolean draft;

    public Pipeline(Toolkit toolkit, Progress progress) {
        this(toolkit, progress, PdfRequest.OFF);
    }

    /** @param pdfRequest whether to make PDFs of the guidelines beyond what nexehrs.yaml asks for */
    public Pipeline(Toolkit toolkit, Progress progress, PdfRequest pdfRequest) {
        this(toolkit, progress, pdfRequest, false);
    }

    private Pipeline(Toolkit toolkit, Progress progress, PdfRequest pdfRequest, boolean draft) {
        this.toolkit = toolkit;
        this.progress = progress;
        this.pdfRequest = pdfRequest;
        this.draft = draft;
    }

    /**
     * This build as a draft: the project's version gets the draft label ({@code 0.1.0-cibuild}, see
     * {@link jp.nexehrs.load.ProjectConfig#asDraft()}) in its resources, its ImplementationGuide and its package, so that a
     * build of a branch never sits in a package cache as the release it prepares.
     */
    public Pipeline asDraft() {
        return new Pipeline(toolkit, progress, pdfRequest, true);
    }

    public Outcome run(Path projectDir, Goal goal) throws NexehrsException {
        Path root = ProjectLoader.locate(projectDir);
        // Read before anything else, so that a file saved during the build makes the next build run again.
        Optional<String> inputs = recordsLastBuild(goal) ? Optional.of(inputsDigest(root, goal)) : Optional.empty();
        // Only pages show Git facts: validation and packaging need no walk through the history.
        FileHistory fileHistory = goal.site() ? ProjectLoader.workingTreeHistory(root) : FileHistory.NONE;
        return run(root, goal, fileHistory, root.resolve(BUILD_DIR), inputs);
    }

    /**
     * The last build's record when {@code build/} holds exactly what building the working tree now would write:
     * the same inputs (every project file, the commit, the package caches' listings), the same dependency
     * packages, options and toolchain, and its output still there. Then the build need not run at all.
     */
    public Optional<LastBuild> unchangedSinceLastBuild(Path projectDir) throws NexehrsException {
        if (!toolkit.cachingEnabled()) return Optional.empty();
        Path root = ProjectLoader.locate(projectDir);
        Path buildDir = root.resolve(BUILD_DIR);
        if (!Files.isDirectory(buildDir)) return Optional.empty();
        // Under the lock: a build that is writing now is waited for, and its record read once it is done.
        try (BuildLock lock = BuildLock.acquire(buildDir, progress::say)) {
            Optional<LastBuild> last = LastBuild.read(buildDir).filter(LastBuild::outputPresent);
            if (last.isEmpty() || !last.get().inputs().equals(inputsDigest(root, Goal.BUILD))) return Optional.empty();
            boolean sameDependencies = last.get().dependencies().entrySet().stream()
                    .allMatch(d -> ProjectInputs.packageDigest(Path.of(d.getKey())).equals(d.getValue()));
            return sameDependencies ? last : Optional.empty();
        }
    }

    /** Only a build of the working tree, with the cache on, is recorded: the one a later build may find unchanged. */
    private boolean recordsLastBuild(Goal goal) {
        return goal == Goal.BUILD && toolkit.cachingEnabled();
    }

    private String inputsDigest(Path root, Goal goal) {
        CacheKey key = new CacheKey().add(toolkit.toolchain()).add(goal.name()).add(pdfRequest.name()).add(draft ? "draft" : "release")
                .add(Optional.ofNullable(System.getenv("NEXEHRS_PDF_FONTS")).orElse(""))
                .add(Long.toString(toolkit.epochSeconds())).add(toolkit.missingDependencies().map(Enum::name).orElse(""));
        return ProjectInputs.digest(root, key);
    }

    /** What build/ now holds, for {@link #unchangedSinceLastBuild}. */
    private static LastBuild lastBuild(String inputs, Project project, Outcome outcome) {
        Map<String, String> dependencies = new TreeMap<>();
        project.dependencies().forEach(d -> dependencies.put(d.origin(), ProjectInputs.packageDigest(Path.of(d.origin()))));
        project.config().dependencies().stream().filter(d -> d.path() != null && !d.path().isBlank())
                .map(d -> project.root().resolve(d.path()).normalize())
                .forEach(location -> dependencies.put(location.toString(), ProjectInputs.packageDigest(location)));
        return new LastBuild(inputs, dependencies, outcome.findings(), outcome.published().written().stream().map(Path::toString).toList());
    }

    /**
     * Builds the project in {@code root} into {@code buildDir}, with Git facts from elsewhere (a version written
     * out of Git has no .git): for building several versions side by side.
     */
    public Outcome run(Path root, Goal goal, FileHistory fileHistory, Path buildDir) throws NexehrsException {
        return run(root, goal, fileHistory, buildDir, Optional.empty());
    }

    /** @param inputs the digest of the inputs, when the build is to be recorded for {@link #unchangedSinceLastBuild} */
    private Outcome run(Path root, Goal goal, FileHistory fileHistory, Path buildDir, Optional<String> inputs) throws NexehrsException {
        if (!goal.published()) return runStages(root, goal, fileHistory, buildDir);
        // Builds that write output take the build folder's lock for the whole run, so two never interleave.
        // (The cache needs no lock: its entries are content-addressed and moved into place whole.)
        try (BuildLock lock = BuildLock.acquire(buildDir, progress::say)) {
            Outcome outcome = runStages(root, goal, fileHistory, buildDir);
            if (inputs.isPresent()) lastBuild(inputs.get(), outcome.checked().converted().project(), outcome).write(buildDir);
            return outcome;
        }
    }

    private Outcome runStages(Path root, Goal goal, FileHistory fileHistory, Path buildDir) throws NexehrsException {
        StageTimings timings = new StageTimings();
        BuildCache cache = toolkit.cache(buildDir);
        CacheStats cacheBefore = cache.stats();

        Project project = timings.time("load", () -> toolkit.projectLoader(draft).load(root, fileHistory));
        progress.say("loaded " + project.documents().size() + " documents and " + project.resources().size() + " FHIR resources");
        Optional<PdfFonts> pdfFonts = goal.site() ? PdfFontChoice.fonts(pdfRequest.withProjectSetting(project.config().wantsPdf()), progress) : Optional.empty();

        Converted converted = timings.time("convert", () -> new Converter(toolkit.fhir(), toolkit::documents, cache, toolkit.threads(),
                toolkit.nodeTools(), progress::say).convert(project, goal.site()));
        timings.part("convert", "SUSHI", converted.sushiMillis());
        progress.say("converted " + converted.documents().size() + " documents; " + converted.conformance().size() + " conformance resources ready");

        Checked checked = timings.time("check", () -> new Checker(toolkit.threads(), cache).check(converted));
        progress.say("validated " + Plural.of(checked.examples().size(), "example"));

        // A published build keeps its pages in a spool folder in build/, which publish moves into place whole: memory
        // does not grow with the site, and a failed build still leaves the last good output alone.
        SiteFiles.Storage storage = goal.published() ? SiteFiles.Storage.spooledIn(buildDir) : SiteFiles.Storage.IN_MEMORY;
        Optional<ComposedSite> site = Optional.empty();
        try {
            site = goal.site()
                    ? Optional.of(timings.time("compose", () -> new SiteComposer(pdfFonts.isPresent(), toolkit.threads(), storage, toolkit.templates()).compose(checked)))
                    : Optional.empty();
            List<SiteFile> pdfs = site.isPresent() && pdfFonts.isPresent() && !checked.hasErrors()
                    ? timings.time("pdf", () -> pdfs(pdfFonts.get(), converted))
                    : List.of();
            Optional<ComposedSite> composed = site;
            Products products = timings.time("produce", () -> new Producer(toolkit.epochSeconds()).produce(checked, composed, pdfs, goal.packageArchive()));
            Published published = goal.published()
                    ? timings.time("publish", () -> new Publisher(buildDir).publish(products))
                    : Published.NOTHING;
            return new Outcome(checked.findings(), products, published, timings, checked, cache.stats().since(cacheBefore));
        } catch (UncheckedIOException e) {
            site.ifPresent(s -> s.files().discard());
            throw new PublishException("cannot write the output in " + buildDir + ": " + e.getMessage() + " (the previous output is unchanged)", e);
        } catch (NexehrsException | RuntimeException e) {
            site.ifPresent(s -> s.files().discard());
            throw e;
        }
    }

    /**
     * What a preview shows the moment a file is saved, made from its last build before {@link #run} builds everything
     * again: see {@link SavedPagePreview#pages}.
     */
    public Optional<List<SiteFile>> previewSavedPages(Checked last, Set<String> changedFiles) throws NexehrsException {
        return new SavedPagePreview(toolkit, pdfRequest, draft).pages(last, changedFiles);
    }

    /** Makes the next {@link #previewSavedPages} of a document fast: see {@link Converter#warmUp}. */
    public void warmUpDocuments(Checked last, BooleanSupplier goOn) {
        new SavedPagePreview(toolkit, pdfRequest, draft).warmUp(last, goOn);
    }

    private List<SiteFile> pdfs(PdfFonts fonts, Converted converted) {
        PdfOutputs.Rendered pdfs = new PdfOutputs(toolkit.documents(), fonts).render(converted.project().config(), converted.documents());
        pdfs.problems().forEach(problem -> progress.say("PDF: " + problem));
        return pdfs.files();
    }
}
