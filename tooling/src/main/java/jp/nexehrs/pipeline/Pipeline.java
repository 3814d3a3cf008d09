package jp.nexehrs.pipeline;

import jp.nexehrs.governance.DocumentState;
import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheStats;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.Checker;
import jp.nexehrs.compose.ComposedSite;
import jp.nexehrs.compose.SiteComposer;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.load.ProjectNotFoundException;
import jp.nexehrs.pdf.PdfFonts;
import jp.nexehrs.pdf.PdfOutputs;
import jp.nexehrs.pdf.PdfRequest;
import jp.nexehrs.produce.Producer;
import jp.nexehrs.produce.Products;
import jp.nexehrs.publish.BuildLock;
import jp.nexehrs.publish.PdfUnavailableException;
import jp.nexehrs.publish.PublishException;
import jp.nexehrs.publish.Published;
import jp.nexehrs.publish.Publisher;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Plural;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    public Pipeline(Toolkit toolkit, Progress progress) {
        this(toolkit, progress, PdfRequest.OFF);
    }

    /** @param pdfRequest whether to make PDFs of the guidelines beyond what nexehrs.yaml asks for */
    public Pipeline(Toolkit toolkit, Progress progress, PdfRequest pdfRequest) {
        this.toolkit = toolkit;
        this.progress = progress;
        this.pdfRequest = pdfRequest;
    }

    public Outcome run(Path projectDir, Goal goal) throws ProjectNotFoundException, SourceException, PublishException {
        Path root = ProjectLoader.locate(projectDir);
        // Only pages show Git facts: validation and packaging need no walk through the history.
        FileHistory fileHistory = goal.site() ? ProjectLoader.workingTreeHistory(root) : FileHistory.NONE;
        return run(root, goal, fileHistory, root.resolve(BUILD_DIR));
    }

    /**
     * Builds the project in {@code root} into {@code buildDir}, with Git facts from elsewhere (a version written
     * out of Git has no .git): for building several versions side by side.
     */
    public Outcome run(Path root, Goal goal, FileHistory fileHistory, Path buildDir) throws SourceException, PublishException {
        // Builds that write output take the build folder's lock for the whole run, so two never interleave.
        // (The cache needs no lock: its entries are content-addressed and moved into place whole.)
        try (BuildLock lock = !goal.published() ? null : BuildLock.acquire(buildDir, progress::say)) {
            return runStages(root, goal, fileHistory, buildDir);
        }
    }

    private Outcome runStages(Path root, Goal goal, FileHistory fileHistory, Path buildDir) throws SourceException, PublishException {
        StageTimings timings = new StageTimings();
        BuildCache cache = toolkit.cache(buildDir);
        CacheStats cacheBefore = cache.stats();

        Project project = timings.time("load", () -> new ProjectLoader(toolkit.fhir()).load(root, fileHistory));
        progress.say("loaded " + project.documents().size() + " documents and " + project.resources().size() + " FHIR resources");
        Optional<PdfFonts> pdfFonts = goal.site() ? pdfFonts(pdfRequest.withProjectSetting(project.config().wantsPdf())) : Optional.empty();

        Converted converted = timings.time("convert", () -> new Converter(toolkit.fhir(), toolkit::documents, cache, toolkit.threads()).convert(project, goal.site()));
        progress.say("converted " + converted.documents().size() + " documents; " + converted.conformance().size() + " conformance resources ready");

        Checked checked = timings.time("check", () -> new Checker(toolkit.threads(), cache).check(converted));
        progress.say("validated " + Plural.of(checked.examples().size(), "example"));

        // A published build writes its pages straight into the staging folder, which the publish stage swaps in
        // whole: memory does not grow with the site, and a failed build still leaves the last good output alone.
        Publisher publisher = new Publisher(buildDir);
        try (Publisher.Staging staging = goal.published() ? publisher.stage() : null) {
            SiteFiles siteFiles = staging != null ? SiteFiles.writingTo(staging.site()) : SiteFiles.inMemory();
            ComposedSite site = goal.site() ? timings.time("compose", () -> new SiteComposer(pdfFonts.isPresent(), toolkit.threads()).compose(checked, siteFiles)) : null;
            if (site != null && pdfFonts.isPresent() && !checked.hasErrors()) {
                timings.time("pdf", () -> addPdfs(site, pdfFonts.get(), project, converted));
            }
            Products products = timings.time("produce", () -> new Producer(toolkit.epochSeconds()).produce(checked, site, goal.packageArchive()));
            Published published = staging == null ? new Published(List.of())
                    : timings.time("publish", () -> publisher.publish(products, staging));
            return new Outcome(checked.findings(), products, published, timings, checked, cache.stats().since(cacheBefore));
        } catch (UncheckedIOException e) {
            throw new PublishException("cannot write the output in " + buildDir + ": " + e.getMessage() + " (the previous output is unchanged)", e);
        }
    }

    private ComposedSite addPdfs(ComposedSite pages, PdfFonts fonts, Project project, Converted converted) {
        PdfOutputs.Rendered pdfs = new PdfOutputs(toolkit.documents(), fonts).render(project.config(), converted.documents());
        pdfs.problems().forEach(problem -> progress.say("PDF: " + problem));
        pages.files().addAll(pdfs.files());
        return pages;
    }

    /** The fonts for the PDFs this build makes, if any; fails when PDFs are required and cannot be made. */
    private Optional<PdfFonts> pdfFonts(PdfRequest request) throws PdfUnavailableException {
        if (request == PdfRequest.OFF) return Optional.empty();
        Optional<PdfFonts> fonts = PdfFonts.locate(System.getenv("NEXEHRS_PDF_FONTS"));
        if (fonts.isEmpty() && request == PdfRequest.REQUIRED) {
            throw new PdfUnavailableException("PDFs were required (--pdf) but no Japanese TrueType font was found: " + PdfFonts.INSTALL_HINT);
        }
        if (fonts.isEmpty()) progress.say("PDFs skipped: no Japanese TrueType font was found; " + PdfFonts.INSTALL_HINT);
        return fonts;
    }

    /** The governance records and each document's header, for the ballot commands: no build, no validation. */
    public GovernanceView governance(Path projectDir) throws ProjectNotFoundException, SourceException {
        Path root = ProjectLoader.locate(projectDir);
        Project project = new ProjectLoader(toolkit.fhir()).load(root);
        List<GovernanceView.DocumentHeader> documents = new Converter(toolkit.fhir(), toolkit::documents).headers(project).stream()
                .map(d -> new GovernanceView.DocumentHeader(d.id(), d.source().file(), DocumentState.statusLineIn(d.source().text()),
                        d.title(), d.header().version(), d.header().status(), d.header().owner()))
                .toList();
        return new GovernanceView(project.governance(), documents, project.findings());
    }

    /**
     * Validates files (or every .json/.xml file under folders) against this project's profiles, without building
     * anything. Unreadable files are findings like any other.
     */
    public List<Finding> validateFiles(Path projectDir, List<Path> paths) throws ProjectNotFoundException, SourceException {
        Path root = ProjectLoader.locate(projectDir);
        ProjectLoader loader = new ProjectLoader(toolkit.fhir());
        Project project = loader.load(root);
        Converted converted = new Converter(toolkit.fhir(), toolkit::documents).convert(project, false);
        // The project's own examples and documents are not what is being validated here: only its profiles' problems count.
        List<Finding> findings = new ArrayList<>(project.findings().stream().filter(f -> f.file().startsWith("profiles/")
                && !f.file().startsWith("profiles/examples/") && !f.file().startsWith("profiles/invalid/")).toList());
        findings.addAll(converted.findings().stream().filter(f -> !f.file().startsWith("spec/")).toList());
        List<LocalFile> files = LocalFile.expand(paths);
        progress.say("validating " + Plural.of(files.size(), "file") + " against " + Plural.of(converted.conformance().size(), "conformance resource"));
        findings.addAll(new Checker(toolkit.threads()).validateEach(converted, files,
                file -> loader.read(file.displayName(), file.read(), FhirSource.Role.EXAMPLE)));
        return findings.stream().sorted(Finding.ORDER).toList();
    }
}
