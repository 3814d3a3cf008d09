package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.ArtifactFragment;
import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.fsh.Sushi;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.node.NodeUnavailableException;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The convert stage: FSH sources are compiled by SUSHI ({@link FshCompilation}), conformance resources get snapshots,
 * guideline documents become HTML (AsciiDoc through {@link DocumentConverter}, the Markdown and XHTML pages and artifact intros
 * and notes of the IG Publisher's layout through {@link IgPageConverter}). Documents are converted only when the goal
 * needs them, so the Ruby runtime behind Asciidoctor is not started for validation or packaging alone.
 */
public final class Converter {
    private static final int WARM_UP_DOCUMENTS = 10;
    private final FhirEngine engine;
    private final Supplier<DocumentConverter> documentConverter;
    private final BuildCache cache;
    private final int threads;
    private final NodeTools nodeTools;
    private final Consumer<String> progress;

    /** @param documentConverter supplies the run's one Asciidoctor-backed converter, created on first use */
    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter) {
        this(engine, documentConverter, BuildCache.disabled(), 1);
    }

    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter, BuildCache cache, int threads) {
        this(engine, documentConverter, cache, threads, NodeTools.inUserCache(), message -> { });
    }

    /**
     * @param cache   remembers conversions and snapshots across runs; the converter is asked for only when a document
     *                is not in it, so a build where every document is a hit never starts Asciidoctor
     * @param threads documents converted at once (one shared Asciidoctor), and snapshots generated at once
     * @param nodeTools where SUSHI is installed and run from, for projects with FSH sources
     * @param progress  told when SUSHI starts and ends: it takes tens of seconds on a large guide
     */
    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter, BuildCache cache, int threads,
                     NodeTools nodeTools, Consumer<String> progress) {
        this.engine = engine;
        this.documentConverter = documentConverter;
        this.cache = cache;
        this.threads = Math.max(1, threads);
        this.nodeTools = nodeTools;
        this.progress = progress;
    }

    /** The documents' titles and header attributes only, without converting bodies or FHIR resources. */
    public List<ConvertedDocument> headers(Project project) {
        if (project.documents().isEmpty()) return List.of();
        IgPageConverter igPages = igPageConverter(project);
        return project.documents().stream().map(document -> isAsciiDoc(document)
                ? documentConverter.get().readHeader(document) : igPages.readHeader(document)).toList();
    }

    /**
     * @throws NodeUnavailableException when the project has FSH sources and Node (or SUSHI) cannot run
     * @throws SourceException          when the guide's sushi-config.yaml cannot be read
     */
    public Converted convert(Project loaded, boolean withDocuments) throws NodeUnavailableException, SourceException {
        if (withDocuments && loaded.documents().stream().anyMatch(Converter::isAsciiDoc) && !cache.holdsAny(CacheStage.DOCUMENT)) {
            startDocumentConverterEarly();
        }
        String dependencyDigest = dependencyDigest(loaded);
        FshCompilation.Result fsh = new FshCompilation(new ProjectLoader(engine),
                new Sushi(nodeTools, new PackageSeeder(engine), PackageSeeder.toolsCache()), cache, progress).compile(loaded, dependencyDigest);
        Project project = fsh.project();
        List<Finding> findings = new ArrayList<>(fsh.findings());
        ConformanceSupport support = new ConformanceSupport(engine);
        // Dependencies first: the project's profiles derive from theirs.
        findings.addAll(new DependencyConformance(support, threads).register(project.dependencies()));
        List<FhirSource> conformanceSources = project.resources(FhirSource.Role.CONFORMANCE);
        SnapshotGenerator.Result snapshots = new SnapshotGenerator(support, cache, dependencyDigest, threads).generate(conformanceSources);
        findings.addAll(snapshots.findings());
        List<ConformanceArtifact> conformance = snapshots.artifacts().stream()
                .sorted(Comparator.comparing(ConformanceArtifact::key)).toList();

        List<ConvertedDocument> documents = new ArrayList<>();
        // A file every page includes (the IG Publisher's link references) would be reported once per page: once is enough.
        Set<Finding> pageFindings = new java.util.LinkedHashSet<>();
        if (withDocuments && !project.documents().isEmpty()) {
            // Documents come after snapshots: fhir-table:: blocks draw from them.
            ArtifactIndex artifacts = artifactIndex(project, conformance, support);
            for (DocumentConverter.Result result : convertDocuments(project, artifacts)) {
                documents.add(result.document());
                pageFindings.addAll(result.findings());
            }
        }
        List<ConvertedFragment> fragments = new ArrayList<>();
        if (withDocuments && !project.fragments().isEmpty()) {
            IgPageConverter igPages = igPageConverter(project);
            Set<String> documentPages = documentPages(project);
            for (ArtifactFragment fragment : project.fragments()) {
                DocumentConverter.Result result = igPages.convertFragment(fragment.source(), documentPages);
                fragments.add(new ConvertedFragment(fragment, result.document()));
                pageFindings.addAll(result.findings());
            }
        }
        findings.addAll(pageFindings);
        return new Converted(project, documents, conformance, support, fsh.origins().relocate(findings), dependencyDigest, fsh.origins(),
                fsh.sushiMillis(), fragments);
    }

    /**
     * {@code last} with the documents and artifact fragments of {@code project} whose text is not {@code last}'s
     * converted again (through the cache, as {@link #convert} would), and everything else as it was: {@code project} is
     * {@code last}'s project with pages read again ({@link ProjectLoader#rereadPages}). For a preview that shows saved
     * pages before the whole project is converted again; empty when such a page has an error, which a full build reports
     * (its other findings too are left to the full build), or a document's header changed, which the check stage reads.
     */
    public Optional<Converted> reconvertPages(Converted last, Project project) {
        ArtifactIndex artifacts = artifactIndex(project, last.conformance(), last.support());
        Map<String, ConvertedDocument> before = new HashMap<>();
        last.documents().forEach(document -> before.put(document.source().file(), document));
        IgPageConverter igPages = igPageConverter(project);
        Set<String> documentPages = documentPages(project);
        CachedDocuments cached = new CachedDocuments(cache);
        List<ConvertedDocument> documents = new ArrayList<>();
        for (DocumentSource source : project.documents()) {
            ConvertedDocument previous = before.get(source.file());
            if (previous != null && previous.source().text().equals(source.text())) {
                documents.add(previous);
                continue;
            }
            DocumentConverter.Result result = isAsciiDoc(source) ? convert(source, artifacts, cached) : igPages.convert(source, documentPages);
            if (result.findings().stream().anyMatch(Finding::isError)) return Optional.empty();
            // A new version, status or owner changes what the check stage says of the document (its governance badge).
            if (previous != null && !previous.header().equals(result.document().header())) return Optional.empty();
            documents.add(result.document());
        }
        Map<String, ConvertedFragment> fragmentsBefore = new HashMap<>();
        last.fragments().forEach(fragment -> fragmentsBefore.put(fragment.fragment().source().file(), fragment));
        List<ConvertedFragment> fragments = new ArrayList<>();
        for (ArtifactFragment fragment : project.fragments()) {
            ConvertedFragment previous = fragmentsBefore.get(fragment.source().file());
            if (previous != null && previous.fragment().source().text().equals(fragment.source().text())) {
                fragments.add(previous);
                continue;
            }
            DocumentConverter.Result result = igPages.convertFragment(fragment.source(), documentPages);
            if (result.findings().stream().anyMatch(Finding::isError)) return Optional.empty();
            fragments.add(new ConvertedFragment(fragment, result.document()));
        }
        return Optional.of(new Converted(project, documents, last.conformance(), last.support(), last.findings(), last.dependencyDigest(),
                last.fshOrigins(), 0, fragments));
    }

    /**
     * Converts {@code last}'s AsciiDoc documents once more on the run's Asciidoctor, past the cache, and forgets the
     * results: a long-running preview does this once after its first build, so that JRuby has compiled Asciidoctor's
     * busiest code before the first save (the first conversions of a fresh runtime are several times slower).
     *
     * @param goOn asked before each document: false stops the warm-up (a save is waiting)
     */
    public void warmUp(Converted last, BooleanSupplier goOn) {
        // A few documents are enough for JRuby's compiler; a guide of hundreds need not be converted twice.
        List<DocumentSource> asciiDoc = last.project().documents().stream().filter(Converter::isAsciiDoc).limit(WARM_UP_DOCUMENTS).toList();
        if (asciiDoc.isEmpty()) return;
        ArtifactIndex artifacts = artifactIndex(last.project(), last.conformance(), last.support());
        for (DocumentSource source : asciiDoc) {
            if (!goOn.getAsBoolean()) return;
            documentConverter.get().convert(source, artifacts);
        }
    }

    /** Every document in the project's order: the AsciiDoc ones on the shared Asciidoctor (and its cache), the IG Publisher's pages directly. */
    private List<DocumentConverter.Result> convertDocuments(Project project, ArtifactIndex artifacts) {
        List<DocumentSource> asciiDoc = project.documents().stream().filter(Converter::isAsciiDoc).toList();
        Map<DocumentSource, DocumentConverter.Result> results = new IdentityHashMap<>();
        if (!asciiDoc.isEmpty()) {
            List<DocumentConverter.Result> converted = convertAll(asciiDoc, artifacts, new CachedDocuments(cache));
            for (int i = 0; i < asciiDoc.size(); i++) results.put(asciiDoc.get(i), converted.get(i));
        }
        IgPageConverter igPages = igPageConverter(project);
        Set<String> documentPages = documentPages(project);
        List<DocumentSource> pages = project.documents().stream().filter(d -> !isAsciiDoc(d)).toList();
        List<DocumentConverter.Result> converted = new Parallel(threads).map(pages, page -> igPages.convert(page, documentPages));
        for (int i = 0; i < pages.size(); i++) results.put(pages.get(i), converted.get(i));
        return project.documents().stream().map(results::get).toList();
    }

    private static IgPageConverter igPageConverter(Project project) {
        return new IgPageConverter(project.pagePaths(), project.config());
    }

    private static Set<String> documentPages(Project project) {
        return project.documents().stream().map(DocumentSource::pagePath).collect(java.util.stream.Collectors.toSet());
    }

    private static boolean isAsciiDoc(DocumentSource document) {
        return document.markup() == DocumentSource.Markup.ASCIIDOC;
    }

    /**
     * Starts Asciidoctor's Ruby runtime (seconds) on a thread of its own, to overlap the snapshots; the documents
     * then wait only for what is left of it. Only when no conversion can come from the cache, so that a warm build
     * never starts Ruby for nothing; what a cold build saves is in tooling/BENCHMARKS.md. If the start fails, the
     * documents' own call fails the same way and reports it.
     */
    private void startDocumentConverterEarly() {
        Thread starter = new Thread(() -> {
            try {
                documentConverter.get();
            } catch (RuntimeException | LinkageError e) {
                // Reported by the conversion's own call to the supplier, which retries and meets the same failure.
            }
        }, "asciidoctor-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * The first document alone, then the rest in parallel on the one Asciidoctor: JRuby defines some of its classes
     * lazily on first use, and two threads doing that at once can fail (asciidoctorj#1158).
     */
    private List<DocumentConverter.Result> convertAll(List<DocumentSource> sources, ArtifactIndex artifacts, CachedDocuments cached) {
        List<DocumentConverter.Result> results = new ArrayList<>();
        results.add(convert(sources.get(0), artifacts, cached));
        results.addAll(new Parallel(threads).map(sources.subList(1, sources.size()), source -> convert(source, artifacts, cached)));
        return results;
    }

    private DocumentConverter.Result convert(DocumentSource source, ArtifactIndex artifacts, CachedDocuments cached) {
        Optional<String> key = cached.keyOf(source, artifacts);
        Optional<DocumentConverter.Result> remembered = key.flatMap(k -> cached.find(source, k));
        if (remembered.isPresent()) return remembered.get();
        DocumentConverter.Result result = documentConverter.get().convert(source, artifacts);
        key.ifPresent(k -> cached.remember(k, result));
        return result;
    }

    /**
     * Identifies what every snapshot and validation depends on besides the project's own files: the version and metadata
     * stamped into its resources, the packages that are missing, and the dependency packages by name, version and where
     * they were read from, with the size and time of each of their files (re-hashing every resource of a large
     * package on each build would cost what the cache saves).
     */
    private static String dependencyDigest(Project project) {
        CacheKey key = new CacheKey().add("version " + project.config().version()).add("bases " + project.config().ownBases())
                .add("metadata " + project.config().publishedMetadata());
        project.missingDependencies().forEach(missing -> key.add("missing " + missing.label()));
        for (LoadedPackage loaded : project.dependencies()) {
            key.add(loaded.label()).add(loaded.origin());
            try (Stream<Path> files = Files.walk(Path.of(loaded.origin()))) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    key.add(file.toString()).add(Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
                }
            } catch (IOException | InvalidPathException e) {
                // Unreadable now but read by the load stage: a key that matches no other run, so nothing is reused.
                key.add("(not readable: " + e + ")").add(Long.toString(System.nanoTime()));
            }
        }
        return key.hex();
    }

    /** What documents' links and fhir-table:: blocks draw from: the project's conformance resources, with their snapshots. */
    private ArtifactIndex artifactIndex(Project project, List<ConformanceArtifact> conformance, ConformanceSupport support) {
        return new ArtifactIndex(indexable(project.resources(FhirSource.Role.CONFORMANCE), conformance), project.pagePaths(),
                engine.context(), support::fetchStructureDefinition);
    }

    /** Every conformance source, with its snapshot where one was generated: a failed profile stays linkable. */
    private static List<ConformanceArtifact> indexable(List<FhirSource> sources, List<ConformanceArtifact> generated) {
        Map<FhirSource, ConformanceArtifact> bySource = new IdentityHashMap<>();
        generated.forEach(artifact -> bySource.put(artifact.source(), artifact));
        return sources.stream().map(source -> bySource.getOrDefault(source, ConformanceArtifact.asRead(source))).toList();
    }
}
