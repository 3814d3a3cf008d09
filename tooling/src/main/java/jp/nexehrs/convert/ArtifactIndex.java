package jp.nexehrs.convert;

import ca.uhn.fhir.context.FhirContext;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTree;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an artifact from what an editor writes in a document: its name, its id or its canonical URL. Holds the
 * artifacts as published (profiles with their snapshots), so documents can embed their element tables.
 */
public final class ArtifactIndex {
    /** A link target: the page path relative to the site root, the title to show, and the resource itself. */
    public record Target(String pagePath, String label, String key, IBaseResource resource) {}

    private final Map<String, Target> byReference = new HashMap<>();
    private final ElementTree elementTree;

    ArtifactIndex(List<ConformanceArtifact> conformance, FhirContext context) {
        for (ConformanceArtifact artifact : conformance) {
            var source = artifact.source();
            Target target = new Target(source.key() + ".html", labelOf(artifact.resource(), source.id()), source.key(), artifact.resource());
            String name = artifact.resource() instanceof MetadataResource metadata ? metadata.getName() : null;
            if (name != null && !name.isBlank()) byReference.putIfAbsent(name, target);
            byReference.putIfAbsent(source.id(), target);
            byReference.putIfAbsent(source.key(), target);
            if (!source.url().isEmpty()) byReference.putIfAbsent(source.url(), target);
        }
        elementTree = new ElementTree(context, ArtifactLinks.of(conformance.stream().map(ConformanceArtifact::resource).toList()));
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
