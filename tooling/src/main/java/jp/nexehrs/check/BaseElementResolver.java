package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.List;
import java.util.Optional;

/**
 * Finds, for an element of a profile's differential, the element of the base it constrains: in the base
 * profile's snapshot by id (a slice the base already defines), else by path, walking into datatypes (e.g.
 * {@code Patient.identifier.system} is {@code Identifier.system}), through {@code contentReference}, and
 * matching a choice element named for its type ({@code valueQuantity} is {@code value[x]}).
 */
final class BaseElementResolver {
    private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
    /** Deep enough for any real path; stops a malformed contentReference loop. */
    private static final int MAX_HOPS = 32;
    private final ConformanceSupport support;

    BaseElementResolver(ConformanceSupport support) {
        this.support = support;
    }

    /** The base element, and the type a renamed choice element implies ({@code valueQuantity} -> Quantity). */
    record Match(ElementDefinition element, Optional<String> impliedType) {}

    /**
     * @param profile the differential being checked: where the base offers several types and the profile keeps
     *                one ({@code value[x]} narrowed to Quantity), the children are looked up in that type
     */
    Optional<Match> resolve(StructureDefinition base, ElementDefinition differential, List<ElementDefinition> profile) {
        if (differential.hasId()) {
            for (ElementDefinition element : base.getSnapshot().getElement()) {
                if (differential.getId().equals(element.getId())) return Optional.of(new Match(element, Optional.empty()));
            }
        }
        return byPath(base, differential.getPath(), profile, 0);
    }

    private Optional<Match> byPath(StructureDefinition definition, String path, List<ElementDefinition> profile, int hops) {
        if (hops > MAX_HOPS || !definition.hasSnapshot()) return Optional.empty();
        List<ElementDefinition> elements = definition.getSnapshot().getElement();
        Optional<Match> direct = matchIn(elements, path);
        if (direct.isPresent()) return direct;
        // The longest prefix that is an element of this definition, then the rest inside that element's type.
        String[] segments = path.split("\\.");
        for (int length = segments.length - 1; length >= 1; length--) {
            String prefix = String.join(".", java.util.Arrays.copyOf(segments, length));
            String rest = String.join(".", java.util.Arrays.copyOfRange(segments, length, segments.length));
            Optional<Match> parent = matchIn(elements, prefix);
            if (parent.isEmpty()) continue;
            ElementDefinition element = parent.get().element();
            if (element.hasContentReference()) {
                String target = element.getContentReference().substring(element.getContentReference().indexOf('#') + 1);
                return byPath(definition, target + "." + rest, profile, hops + 1);
            }
            String type = parent.get().impliedType().orElse(element.getType().size() == 1
                    ? element.getType().get(0).getWorkingCode() : hops == 0 ? narrowedType(profile, prefix) : null);
            if (type == null) return Optional.empty();
            if (type.equals("Element") || type.equals("BackboneElement")) return Optional.empty();
            StructureDefinition datatype = structure(CORE + type);
            if (datatype == null) return Optional.empty();
            return byPath(datatype, datatype.getType() + "." + rest, profile, hops + 1);
        }
        return Optional.empty();
    }

    /** The one type the profile keeps for the element at {@code path}, or null. */
    private static String narrowedType(List<ElementDefinition> profile, String path) {
        for (ElementDefinition element : profile) {
            if (element.getPath().equals(path) && element.getType().size() == 1) return element.getType().get(0).getWorkingCode();
        }
        return null;
    }

    /** The first (unsliced) element with this path, or the choice element whose name plus a type gives it. */
    private static Optional<Match> matchIn(List<ElementDefinition> elements, String path) {
        for (ElementDefinition element : elements) {
            if (element.getPath().equals(path)) return Optional.of(new Match(element, Optional.empty()));
        }
        for (ElementDefinition element : elements) {
            String choice = element.getPath();
            if (!choice.endsWith("[x]")) continue;
            String stem = choice.substring(0, choice.length() - 3);
            if (!path.startsWith(stem) || path.length() == stem.length() || path.indexOf('.', stem.length()) >= 0) continue;
            String suffix = path.substring(stem.length());
            if (!Character.isUpperCase(suffix.charAt(0))) continue;
            for (ElementDefinition.TypeRefComponent type : element.getType()) {
                if (type.getWorkingCode().equalsIgnoreCase(suffix)) {
                    return Optional.of(new Match(element, Optional.of(type.getWorkingCode())));
                }
            }
            // A type the choice does not offer: the element exists, the type check reports it.
            return Optional.of(new Match(element, Optional.of(suffix)));
        }
        return Optional.empty();
    }

    /** True when {@code type} is {@code allowed} or derives from it (Patient from Resource, Age from Quantity). */
    boolean isSameOrSpecialization(String type, String allowed) {
        if (type.equalsIgnoreCase(allowed)) return true;
        StructureDefinition definition = structure(CORE + type);
        for (int hops = 0; definition != null && definition.hasBaseDefinition() && hops < MAX_HOPS; hops++) {
            if (definition.getBaseDefinition().equals(CORE + allowed)) return true;
            definition = structure(definition.getBaseDefinition());
        }
        return false;
    }

    StructureDefinition structure(String url) {
        return (StructureDefinition) support.fetchStructureDefinition(url);
    }
}
