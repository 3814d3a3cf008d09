package jp.nexehrs.load;

import jp.nexehrs.fhir.ReparsableResource;
import jp.nexehrs.fhir.ResourceFormat;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * One FHIR resource file from {@code profiles/}, parsed. The resource object must be treated as read-only:
 * later stages copy it before changing it. The text is kept deflated ({@link SourceText}): as Strings (two bytes a
 * Japanese character) the texts were a large part of a large build's live heap (tooling/BENCHMARKS.md).
 * The parsed resource may be let go when memory runs short and is then parsed again from the text
 * ({@link ReparsableResource}).
 */
public record FhirSource(String file, Role role, ResourceFormat format, SourceText content, ReparsableResource parsed,
                         String resourceType, String id, String url, List<String> claimedProfiles) {

    public enum Role {
        /** StructureDefinition, ValueSet, CodeSystem: part of the conformance package. */
        CONFORMANCE,
        /** An instance under profiles/ outside invalid/ (by convention in examples/): must validate without errors. */
        EXAMPLE,
        /** An instance under profiles/invalid: must fail with the error its manifest declares. */
        INVALID_EXAMPLE,
        /** The guide's own ImplementationGuide resource: read for what it declares ({@link GuideDeclaration}). */
        GUIDE
    }

    public FhirSource {
        claimedProfiles = List.copyOf(claimedProfiles);
        url = url == null ? "" : url;
    }

    /** A source whose resource (or none) is held as given, never parsed again. */
    public FhirSource(String file, Role role, ResourceFormat format, String text, IBaseResource resource,
                      String resourceType, String id, String url, List<String> claimedProfiles) {
        this(file, role, format, SourceText.of(text), ReparsableResource.held(resource), resourceType, id, url, claimedProfiles);
    }

    /** The parsed resource; do not keep it longer than needed (see {@link ReparsableResource}). */
    public IBaseResource resource() {
        return parsed.get();
    }

    /** The text the resource was parsed from (without a byte-order mark); inflated anew on each call. */
    public String text() {
        return content.text();
    }

    /** {@link #text()} as UTF-8; inflated anew on each call. */
    public byte[] utf8() {
        return content.utf8();
    }

    /** The artifact's key on the site and in the package, e.g. {@code StructureDefinition-nexehrs-patient}. */
    public String key() {
        return resourceType + "-" + id;
    }
}
