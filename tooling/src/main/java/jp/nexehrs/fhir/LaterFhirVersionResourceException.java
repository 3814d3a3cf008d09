package jp.nexehrs.fhir;

import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource of a type FHIR R4 does not have but R5 does (ActorDefinition, Requirements, ...): guides built by the IG
 * Publisher hold such resources through its cross-version support. This toolchain builds R4 only, so the resource is
 * left out with a warning that names what is missing, not an error in the guide.
 */
public final class LaterFhirVersionResourceException extends SourceException {
    /** The HAPI parser's words for a resource type the FHIR version does not have. */
    private static final Pattern UNKNOWN_RESOURCE = Pattern.compile("Unknown resource name \"([A-Za-z]+)\"");

    LaterFhirVersionResourceException(String file, String resourceType, Throwable cause) {
        super(file, 0, 0, resourceType + " is a FHIR R5 resource, which this FHIR R4 build cannot read (the IG Publisher"
                + " carries such resources across versions): it is left out of the site and the package, not checked", cause);
    }

    /** The R5 resource type named in a parser's "Unknown resource name" message, if R5 has it. */
    static Optional<String> r5TypeIn(String parserMessage) {
        Matcher name = UNKNOWN_RESOURCE.matcher(parserMessage);
        return name.find() && isR5Only(name.group(1)) ? Optional.of(name.group(1)) : Optional.empty();
    }

    /** Whether FHIR R5 has a resource type of this name and R4 has none. */
    public static boolean isR5Only(String type) {
        return isResourceType(type, org.hl7.fhir.r5.model.ResourceType::fromCode) && !isResourceType(type, org.hl7.fhir.r4.model.ResourceType::fromCode);
    }

    private interface TypeLookup {
        Object of(String code) throws org.hl7.fhir.exceptions.FHIRException;
    }

    private static boolean isResourceType(String type, TypeLookup lookup) {
        try {
            return lookup.of(type) != null;
        } catch (org.hl7.fhir.exceptions.FHIRException e) {
            return false; // the version has no such type
        }
    }

    @Override
    public Finding toFinding() {
        return Finding.warning(file(), line(), column(), getMessage());
    }
}
