package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.LinkedHashMap;
import java.util.Map;

/** A resource's line in a FHIR NPM package's {@code .index.json} (index version 2). */
public final class PackageIndex {
    private PackageIndex() {
    }

    public static Map<String, Object> entry(String fileName, IBaseResource resource) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("filename", fileName);
        index.put("resourceType", resource.fhirType());
        index.put("id", resource.getIdElement().getIdPart());
        if (resource instanceof MetadataResource metadata) {
            if (metadata.hasUrl()) index.put("url", metadata.getUrl());
            if (metadata.hasVersion()) index.put("version", metadata.getVersion());
        }
        if (resource instanceof StructureDefinition profile) {
            index.put("kind", profile.getKind().toCode());
            index.put("type", profile.getType());
            if (profile.hasDerivation()) index.put("derivation", profile.getDerivation().toCode());
        }
        return index;
    }
}
