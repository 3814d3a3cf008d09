package jp.nexehrs.convert;

import jp.nexehrs.load.FhirSource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A conformance resource ready to publish: for a StructureDefinition, a copy with its generated snapshot.
 * Read-only once produced.
 */
public record ConformanceArtifact(FhirSource source, IBaseResource resource) {
    public String key() {
        return source.key();
    }
}
