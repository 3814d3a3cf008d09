package jp.nexehrs.convert;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ReparsableResource;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.SourceText;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A conformance resource ready to publish: for a StructureDefinition, a copy with its generated snapshot.
 * Read-only once produced. The resource may be let go when memory runs short and parsed again
 * ({@link ReparsableResource}).
 */
public record ConformanceArtifact(FhirSource source, ReparsableResource parsed) {
    /** {@code source} as it was read: the same parsed resource. */
    static ConformanceArtifact asRead(FhirSource source) {
        return new ConformanceArtifact(source, source.parsed());
    }

    /**
     * {@code source} with a resource made from it (a generated snapshot). Kept as deflated JSON too, from which it is
     * parsed again if memory let it go: a snapshot is several times the size of its differential.
     */
    static ConformanceArtifact made(FhirSource source, IBaseResource resource, FhirEngine engine) {
        SourceText json = SourceText.of(engine.parserFor(ResourceFormat.JSON).encodeResourceToString(resource));
        return new ConformanceArtifact(source, source.parsed().alongside(resource,
                () -> engine.parserFor(ResourceFormat.JSON).parseResource(json.text())));
    }

    /** The resource; do not keep it longer than needed (see {@link ReparsableResource}). */
    public IBaseResource resource() {
        return parsed.get();
    }

    public String key() {
        return source.key();
    }
}
