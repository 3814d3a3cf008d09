package jp.nexehrs.convert;

import jp.nexehrs.load.FhirSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds an artifact's page from what an editor writes in a document: its name, its id or its canonical URL.
 */
public final class ArtifactIndex {
    /** A link target: the page path relative to the site root and the title to show. */
    public record Target(String pagePath, String label, String key) {}

    private final Map<String, Target> byReference = new HashMap<>();

    ArtifactIndex(List<FhirSource> conformance) {
        for (FhirSource source : conformance) {
            Target target = new Target(source.key() + ".html", labelOf(source), source.key());
            String name = source.resource() instanceof org.hl7.fhir.r4.model.MetadataResource metadata ? metadata.getName() : null;
            if (name != null && !name.isBlank()) byReference.putIfAbsent(name, target);
            byReference.putIfAbsent(source.id(), target);
            byReference.putIfAbsent(source.key(), target);
            if (!source.url().isEmpty()) byReference.putIfAbsent(source.url(), target);
        }
    }

    /** Every reference and what it resolves to, as one string: what a document's links depend on (for the cache). */
    String fingerprint() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byReference).forEach((reference, target) -> out.append(reference).append('\u0000').append(target.pagePath())
                .append('\u0000').append(target.label()).append('\u0000').append(target.key()).append('\n'));
        return out.toString();
    }

    public Optional<Target> find(String reference) {
        return Optional.ofNullable(byReference.get(reference));
    }

    private static String labelOf(FhirSource source) {
        if (source.resource() instanceof org.hl7.fhir.r4.model.MetadataResource metadata) {
            if (metadata.hasTitle()) return metadata.getTitle();
            if (metadata.hasName()) return metadata.getName();
        }
        return source.id();
    }
}
