package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.report.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The convert stage: conformance resources get snapshots, guideline documents become HTML. Documents are
 * converted only when the goal needs them, so the Ruby runtime behind Asciidoctor is not started for
 * validation or packaging alone.
 */
public final class Converter {
    private final FhirEngine engine;
    private final Supplier<DocumentConverter> documentConverter;

    /** @param documentConverter supplies the run's one Asciidoctor-backed converter, created on first use */
    public Converter(FhirEngine engine, Supplier<DocumentConverter> documentConverter) {
        this.engine = engine;
        this.documentConverter = documentConverter;
    }

    /** The documents' titles and header attributes only, without converting bodies or FHIR resources. */
    public List<ConvertedDocument> headers(Project project) {
        if (project.documents().isEmpty()) return List.of();
        DocumentConverter converter = documentConverter.get();
        return project.documents().stream().map(converter::readHeader).toList();
    }

    public Converted convert(Project project, boolean withDocuments) {
        List<Finding> findings = new ArrayList<>();
        ConformanceSupport support = new ConformanceSupport(engine);
        // Dependencies first: the project's profiles derive from theirs.
        findings.addAll(new DependencyConformance(support).register(project.dependencies()));
        List<FhirSource> conformanceSources = project.resources(FhirSource.Role.CONFORMANCE);
        SnapshotGenerator.Result snapshots = new SnapshotGenerator(support).generate(conformanceSources);
        findings.addAll(snapshots.findings());
        List<ConformanceArtifact> conformance = snapshots.artifacts().stream()
                .sorted(Comparator.comparing(ConformanceArtifact::key)).toList();

        List<ConvertedDocument> documents = new ArrayList<>();
        if (withDocuments && !project.documents().isEmpty()) {
            // Documents come after snapshots: fhir-table:: blocks draw from them.
            ArtifactIndex artifacts = new ArtifactIndex(indexable(conformanceSources, conformance), engine.context());
            DocumentConverter converter = documentConverter.get();
            for (DocumentSource source : project.documents()) {
                DocumentConverter.Result result = converter.convert(source, artifacts);
                documents.add(result.document());
                findings.addAll(result.findings());
            }
        }
        return new Converted(project, documents, conformance, support, findings);
    }

    /** Every conformance source, with its snapshot where one was generated: a failed profile stays linkable. */
    private static List<ConformanceArtifact> indexable(List<FhirSource> sources, List<ConformanceArtifact> generated) {
        Map<FhirSource, ConformanceArtifact> bySource = new IdentityHashMap<>();
        generated.forEach(artifact -> bySource.put(artifact.source(), artifact));
        return sources.stream().map(source -> bySource.getOrDefault(source, new ConformanceArtifact(source, source.resource()))).toList();
    }
}
