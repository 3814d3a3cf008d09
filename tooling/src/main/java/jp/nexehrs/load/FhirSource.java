package jp.nexehrs.load;

import jp.nexehrs.fhir.ResourceFormat;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * One FHIR resource file from {@code profiles/}, parsed. The resource object must be treated as read-only:
 * later stages copy it before changing it.
 */
public record FhirSource(String file, Role role, ResourceFormat format, String text, IBaseResource resource,
                         String resourceType, String id, String url, List<String> claimedProfiles) {

    public enum Role {
        /** StructureDefinition, ValueSet, CodeSystem: part of the conformance package. */
        CONFORMANCE,
        /** An instance under profiles/examples: must validate without errors. */
        EXAMPLE,
        /** An instance under profiles/invalid: must fail with the error its manifest declares. */
        INVALID_EXAMPLE
    }

    public FhirSource {
        claimedProfiles = List.copyOf(claimedProfiles);
        url = url == null ? "" : url;
    }

    /** The artifact's key on the site and in the package, e.g. {@code StructureDefinition-nexehrs-patient}. */
    public String key() {
        return resourceType + "-" + id;
    }
}
