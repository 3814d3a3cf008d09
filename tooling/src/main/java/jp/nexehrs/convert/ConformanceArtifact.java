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
     * {@code source} with a resource made from it (a generated snapshot), whose JSON is {@code json}: kept deflated, and
     * parsed again from it if memory let the resource go (a snapshot is several times the size of its differential).
     */
    static ConformanceArtifact made(FhirSource source, IBaseResource resource, SourceText json, FhirEngine engine) {
        return new ConformanceArtifact(source, source.parsed().alongside(resource,
                () -> engine.parserFor(ResourceFormat.JSON).parseResource(json.text())));
    }

    /** The JSON a made resource is kept as (see {@link #made}), and the build cache remembers a snapshot as. */
    static SourceText json(IBaseResource resource, FhirEngine engine) {
        return SourceText.of(engine.parserFor(ResourceFormat.JSON).encodeResourceToString(resource));
    }

    /** The resource; do not keep it longer than needed (see {@link ReparsableResource}). */
    public IBaseResource resource() {
        return parsed.get();
    }

    public String key() {
        return source.key();
    }
}
