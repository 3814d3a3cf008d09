package jp.nexehrs.render;

import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ResourceType;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Links to the FHIR R4 specification's page for a base type or resource. */
final class R4Types {
    private static final String R4 = "https://hl7.org/fhir/R4/";
    private static final Set<String> RESOURCES = Arrays.stream(ResourceType.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    /** Every R4 data type and resource type, by its code. */
    private static final Set<String> TYPES = Arrays.stream(Enumerations.FHIRDefinedType.values())
            .filter(t -> t != Enumerations.FHIRDefinedType.NULL).map(Enumerations.FHIRDefinedType::toCode).collect(Collectors.toUnmodifiableSet());
    /** Datatypes that have their own page rather than a section of datatypes.html. */
    private static final Map<String, String> OWN_PAGES = Map.of(
            "Reference", "references.html#Reference", "Extension", "extensibility.html#Extension",
            "Narrative", "narrative.html#Narrative", "xhtml", "narrative.html#xhtml", "Meta", "resource.html#Meta",
            "BackboneElement", "backboneelement.html", "Element", "element.html", "Dosage", "dosage.html",
            "Resource", "resource.html", "DomainResource", "domainresource.html");

    private R4Types() {
    }

    /** Whether a code names an R4 data type or resource (not a core profile or extension). */
    static boolean isType(String code) {
        return TYPES.contains(code);
    }

    /** The R4 page of a type code; empty for FHIRPath system types ({@code http://hl7.org/fhirpath/System.String}). */
    static String href(String code) {
        if (code.isEmpty() || code.contains("/")) return "";
        String own = OWN_PAGES.get(code);
        if (own != null) return R4 + own;
        if (RESOURCES.contains(code)) return R4 + code.toLowerCase(java.util.Locale.ROOT) + ".html";
        return R4 + "datatypes.html#" + code;
    }

    /** A type code as people read it: {@code http://hl7.org/fhirpath/System.String} becomes {@code System.String}. */
    static String label(String code) {
        return code.startsWith("http://hl7.org/fhirpath/") ? code.substring("http://hl7.org/fhirpath/".length()) : code;
    }
}
