package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.report.Finding;
import jp.nexehrs.util.Parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The convert stage: conformance resources get snapshots, guideline documents become HTML. Documents are
 * converted only when the goal needs them, so the Ruby runtime behind Asciidoctor is not started for
 * validation or packaging alone.
 */
public final class Converter {
    private final FhirEngine engine;
    private final Supplier<DocumentConverter> documentConverter;
    private final BuildCache cache;
    private final int threads;

    /** @param documentConverter supplies the run's one Asciidoctor-backed converter, created on first use */
    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter) {
        this(engine, documentConverter, BuildCache.disabled(), 1);
    }

    /**
     * @param cache   remembers conversions and snapshots across runs; the converter is asked for only when a document
     *                is not in it, so a build where every document is a hit never starts Asciidoctor
     * @param threads documents converted at once (one shared Asciidoctor), and snapshots generated at once
     */
    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter, BuildCache cache, int threads) {
        this.engine = engine;
        this.documentConverter = documentConverter;
        this.cache = cache;
        this.threads = Math.max(1, threads);
    }

    /** The documents' titles and header attributes only, without converting bodies or FHIR resources. */
    public List<ConvertedDocument> headers(Project project) {
        if (project.documents().isEmpty()) return List.of();
        DocumentConverter converter = documentConverter.get();
        return project.documents().stream().map(converter::readHeader).toList();
    }

    public Converted convert(Project project, boolean withDocuments) {
        if (withDocuments && !project.documents().isEmpty() && !cache.holdsAny(CacheStage.DOCUMENT)) {
            startDocumentConverterEarly();
        }
        List<Finding> findings = new ArrayList<>();
        ConformanceSupport support = new ConformanceSupport(engine);
        // Dependencies first: the project's profiles derive from theirs.
        findings.addAll(new DependencyConformance(support, threads).register(project.dependencies()));
        List<FhirSource> conformanceSources = project.resources(FhirSource.Role.CONFORMANCE);
        String dependencyDigest = dependencyDigest(project);
        SnapshotGenerator.Result snapshots = new SnapshotGenerator(support, cache, dependencyDigest, threads).generate(conformanceSources);
        findings.addAll(snapshots.findings());
        List<ConformanceArtifact> conformance = snapshots.artifacts().stream()
                .sorted(Comparator.comparing(ConformanceArtifact::key)).toList();

        List<ConvertedDocument> documents = new ArrayList<>();
        if (withDocuments && !project.documents().isEmpty()) {
            // Documents come after snapshots: fhir-table:: blocks draw from them.
            ArtifactIndex artifacts = new ArtifactIndex(indexable(conformanceSources, conformance), project.pagePaths(), engine.context());
            CachedDocuments cached = new CachedDocuments(cache);
            for (DocumentConverter.Result result : convertAll(project.documents(), artifacts, cached)) {
                documents.add(result.document());
                findings.addAll(result.findings());
            }
        }
        return new Converted(project, documents, conformance, support, findings, dependencyDigest);
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

    /** Every conformance source, with its snapshot where one was generated: a failed profile stays linkable. */
    private static List<ConformanceArtifact> indexable(List<FhirSource> sources, List<ConformanceArtifact> generated) {
        Map<FhirSource, ConformanceArtifact> bySource = new IdentityHashMap<>();
        generated.forEach(artifact -> bySource.put(artifact.source(), artifact));
        return sources.stream().map(source -> bySource.getOrDefault(source, ConformanceArtifact.asRead(source))).toList();
    }
}
