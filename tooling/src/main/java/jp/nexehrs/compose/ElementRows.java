package jp.nexehrs.compose;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a snapshot into the rows of a readable element table. */
final class ElementRows {
    private static final String R4_BASE = "https://hl7.org/fhir/R4/";
    private final Map<String, String> localPages;
    private final FhirContext context;

    /** @param localPages canonical URL to page path, for this project's own artifacts */
    ElementRows(FhirContext context, Map<String, String> localPages) {
        this.context = context;
        this.localPages = localPages;
    }

    List<ElementRow> of(StructureDefinition profile) {
        List<ElementRow> rows = new ArrayList<>();
        for (ElementDefinition element : profile.getSnapshot().getElement()) {
            if (element.getMax() != null && element.getMax().equals("0")) continue;
            String id = element.hasId() ? element.getId() : element.getPath();
            int depth = (int) element.getPath().chars().filter(c -> c == '.').count();
            String last = element.getPath().substring(element.getPath().lastIndexOf('.') + 1);
            String name = element.hasSliceName() ? last + ":" + element.getSliceName() : last;
            rows.add(new ElementRow(id, element.getPath(), name, depth, flags(element),
                    element.getMin() + ".." + (element.getMax() == null ? "*" : element.getMax()),
                    types(element), binding(element), bindingHref(element),
                    element.hasShort() ? element.getShort() : "", fixedValue(element)));
        }
        return rows;
    }

    private static String flags(ElementDefinition element) {
        StringBuilder flags = new StringBuilder();
        if (element.getIsModifier()) flags.append("?! ");
        if (element.getMustSupport()) flags.append("S ");
        if (element.getIsSummary()) flags.append("Σ ");
        if (element.hasConstraint() && element.getConstraint().stream().anyMatch(c -> !c.getKey().startsWith("ele-"))) flags.append("I ");
        return flags.toString().trim();
    }

    private List<ElementRow.TypeLink> types(ElementDefinition element) {
        List<ElementRow.TypeLink> types = new ArrayList<>();
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            String code = type.getCode();
            if (code == null) continue;
            List<CanonicalType> profiles = new ArrayList<>(type.getProfile());
            profiles.addAll(type.getTargetProfile());
            if (profiles.isEmpty()) {
                types.add(new ElementRow.TypeLink(code, baseTypeHref(code)));
            }
            for (CanonicalType profile : profiles) {
                String url = profile.getValue();
                String tail = url.substring(url.lastIndexOf('/') + 1);
                String label = type.getTargetProfile().contains(profile) ? code + "(" + tail + ")" : tail;
                String local = localPages.get(url);
                types.add(new ElementRow.TypeLink(label, local != null ? local : baseTypeHref(tail)));
            }
        }
        return types;
    }

    private static String baseTypeHref(String code) {
        if (code.startsWith("http")) return "";
        String lower = code.toLowerCase(java.util.Locale.ROOT);
        boolean datatype = Character.isLowerCase(code.charAt(0)) || List.of("Coding", "CodeableConcept", "Identifier",
                "HumanName", "Address", "ContactPoint", "Period", "Quantity", "Reference", "Attachment", "Extension",
                "Meta", "Narrative", "Annotation", "Range", "Ratio", "SampledData", "Signature", "Timing",
                "Dosage", "Money", "Age", "Duration", "Count", "Distance", "BackboneElement", "Element").contains(code);
        return datatype ? R4_BASE + "datatypes.html#" + code : R4_BASE + lower + ".html";
    }

    private static String binding(ElementDefinition element) {
        if (!element.hasBinding() || !element.getBinding().hasValueSet()) return "";
        String strength = element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() : "";
        return element.getBinding().getValueSet() + " (" + strength + ")";
    }

    private String bindingHref(ElementDefinition element) {
        if (!element.hasBinding() || !element.getBinding().hasValueSet()) return "";
        String url = element.getBinding().getValueSet();
        String bare = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        return localPages.getOrDefault(bare, bare.startsWith("http://hl7.org/fhir/ValueSet/")
                ? R4_BASE + "valueset-" + bare.substring(bare.lastIndexOf('/') + 1) + ".html" : "");
    }

    private String fixedValue(ElementDefinition element) {
        Type value = element.hasFixed() ? element.getFixed() : element.hasPattern() ? element.getPattern() : null;
        if (value == null) return "";
        String prefix = element.hasFixed() ? "fixed: " : "pattern: ";
        if (value instanceof PrimitiveType<?> primitive) return prefix + primitive.getValueAsString();
        return prefix + context.newJsonParser().encodeToString(value).replaceAll("^\\{\"[a-zA-Z]+\":", "").replaceAll("}$", "");
    }
}
