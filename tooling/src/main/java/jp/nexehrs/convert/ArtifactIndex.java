package jp.nexehrs.convert;

import ca.uhn.fhir.context.FhirContext;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTree;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds an artifact from what an editor writes in a document: its name, its id or its canonical URL. Holds the
 * artifacts as published (profiles with their snapshots), so documents can embed their element tables.
 */
public final class ArtifactIndex {
    /** A link target: the page path relative to the site root, the title to show, and the artifact itself. */
    public record Target(String pagePath, String label, String key, ConformanceArtifact artifact) {
        /** The artifact's resource; not kept here, so that memory may let it go between uses. */
        public IBaseResource resource() {
            return artifact.resource();
        }
    }

    private final Map<String, Target> byReference = new HashMap<>();
    /** Each artifact's content as a hash, by key: made on first use, once per build instead of once per document. */
    private final Map<String, String> contentHashes = new ConcurrentHashMap<>();
    private final ElementTree elementTree;
    private final FhirContext context;
    /** Made once: every cached document's key includes it (made per document, it showed in profiles: tooling/BENCHMARKS.md). */
    private final String fingerprint;

    /** @param coreDefinitions the R4 definition at a core canonical URL, or null: links to core extensions go to their pages */
    ArtifactIndex(List<ConformanceArtifact> conformance, PagePaths pagePaths, FhirContext context,
                  java.util.function.Function<String, IBaseResource> coreDefinitions) {
        for (ConformanceArtifact artifact : conformance) {
            var source = artifact.source();
            IBaseResource resource = artifact.resource();
            Target target = new Target(pagePaths.page(source), labelOf(resource, source.id()), source.key(), artifact);
            String name = resource instanceof MetadataResource metadata ? metadata.getName() : null;
            if (name != null && !name.isBlank()) byReference.putIfAbsent(name, target);
            byReference.putIfAbsent(source.id(), target);
            byReference.putIfAbsent(source.key(), target);
            if (!source.url().isEmpty()) byReference.putIfAbsent(source.url(), target);
        }
        this.context = context;
        elementTree = new ElementTree(context, ArtifactLinks.of(conformance.stream()
                .map(artifact -> new ArtifactLinks.Page(artifact.resource(), pagePaths.page(artifact.source()))), coreDefinitions));
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byReference).forEach((reference, target) -> out.append(reference).append('\u0000').append(target.pagePath())
                .append('\u0000').append(target.label()).append('\u0000').append(target.key()).append('\n'));
        fingerprint = out.toString();
    }

    /** Every reference and what it resolves to, as one string: what a document's links depend on (for the cache). */
    String fingerprint() {
        return fingerprint;
    }

    /**
     * The content of the named artifacts (all of them when {@code references} is empty), as one string: what a
     * document that embeds element tables (fhir-table::) depends on, since a changed snapshot changes the table
     * even when no name or page changes.
     */
    String contentFingerprint(java.util.Collection<String> references) {
        Map<String, Target> chosen = new TreeMap<>();
        if (references.isEmpty()) byReference.values().forEach(target -> chosen.putIfAbsent(target.key(), target));
        for (String reference : references) {
            Target target = byReference.get(reference);
            chosen.put(target == null ? "missing:" + reference : target.key(), target);
        }
        StringBuilder out = new StringBuilder();
        chosen.forEach((key, target) -> out.append(key).append('\u0000').append(target == null ? "" : contentHash(target)).append('\n'));
        return out.toString();
    }

    private String contentHash(Target target) {
        return contentHashes.computeIfAbsent(target.key(), key -> {
            // A parser of its own: documents are converted on several threads, and parsers are not thread-safe.
            return new CacheKey().add(context.newJsonParser().encodeResourceToString(target.resource())).hex();
        });
    }

    public Optional<Target> find(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    /** The element trees of these artifacts, with links between them. */
    ElementTree elementTree() {
        return elementTree;
    }

    private static String labelOf(IBaseResource resource, String id) {
        if (resource instanceof MetadataResource metadata) {
            if (metadata.hasTitle()) return metadata.getTitle();
            if (metadata.hasName()) return metadata.getName();
        }
        return id;
    }
}
