package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.List;
import java.util.Optional;

/**
 * Finds, for an element of a profile's differential, the element of the base it constrains. First in the base's
 * snapshot: by id (a slice the base already defines), else by path ({@code valueQuantity} is {@code value[x]}).
 * An element deeper than the base's snapshot goes (a child of a datatype, of a choice narrowed to one type, of an
 * extension's {@code value[x]}, of a profiled datatype, of a re-slice) is looked up where the snapshot generator put
 * it: in the profile's own generated snapshot, and what it constrains is the definition that element names as its
 * base ({@code Period.start} for {@code Dosage.extension:periodOfUse.value[x].start}). The generator, not a path
 * walk of ours, decides what exists: an element neither snapshot has does not exist.
 */
final class BaseElementResolver {
    private static final String CORE = "http://hl7.org/fhir/StructureDefinition/";
    /** Deep enough for any real type hierarchy; stops a malformed baseDefinition loop. */
    private static final int MAX_HOPS = 32;
    private final ConformanceSupport support;

    BaseElementResolver(ConformanceSupport support) {
        this.support = support;
    }

    /** The base element, and the type a renamed choice element implies ({@code valueQuantity} -> Quantity). */
    record Match(ElementDefinition element, Optional<String> impliedType) {}

    /**
     * @param base      the base definition, with its snapshot
     * @param generated the profile with the snapshot generated from its differential; null when generation failed
     */
    Optional<Match> resolve(StructureDefinition base, ElementDefinition differential, StructureDefinition generated) {
        Optional<Match> inBase = find(base.getSnapshot().getElement(), differential);
        if (inBase.isPresent() || generated == null || !generated.hasSnapshot()) return inBase;
        return find(generated.getSnapshot().getElement(), differential)
                .map(match -> new Match(definitionOf(match.element()), match.impliedType()));
    }

    /** The element with the differential's id, else the first with its path (choice renaming allowed). */
    private static Optional<Match> find(List<ElementDefinition> elements, ElementDefinition differential) {
        if (differential.hasId()) {
            for (ElementDefinition element : elements) {
                if (differential.getId().equals(element.getId())) return Optional.of(new Match(element, Optional.empty()));
            }
        }
        String path = differential.getPath();
        for (ElementDefinition element : elements) {
            if (element.getPath().equals(path)) return Optional.of(new Match(element, Optional.empty()));
        }
        for (ElementDefinition element : elements) {
            Optional<Optional<String>> implied = renamedChoice(element.getPath(), path);
            if (implied.isPresent()) return Optional.of(new Match(element, implied.get().map(type -> typeCode(element, type))));
        }
        return Optional.empty();
    }

    /**
     * Whether {@code path} names the element at {@code choicePath} with choice elements renamed for a type
     * ({@code Observation.valueQuantity.unit} for {@code Observation.value[x].unit}); if so, the type the last
     * segment implies, when it is renamed (a type the choice does not offer too: the type check reports it).
     */
    private static Optional<Optional<String>> renamedChoice(String choicePath, String path) {
        String[] theirs = choicePath.split("\\.");
        String[] ours = path.split("\\.");
        if (theirs.length != ours.length) return Optional.empty();
        Optional<String> implied = Optional.empty();
        boolean renamed = false;
        for (int i = 0; i < theirs.length; i++) {
            if (theirs[i].equals(ours[i])) continue;
            if (!theirs[i].endsWith("[x]")) return Optional.empty();
            String stem = theirs[i].substring(0, theirs[i].length() - 3);
            if (!ours[i].startsWith(stem) || ours[i].length() == stem.length() || !Character.isUpperCase(ours[i].charAt(stem.length()))) {
                return Optional.empty();
            }
            renamed = true;
            if (i == theirs.length - 1) implied = Optional.of(ours[i].substring(stem.length()));
        }
        return renamed ? Optional.of(implied) : Optional.empty();
    }

    /** The choice's own spelling of a type named in a renamed element ({@code DateTime} -> {@code dateTime}). */
    private static String typeCode(ElementDefinition choice, String type) {
        return choice.getType().stream().map(ElementDefinition.TypeRefComponent::getWorkingCode)
                .filter(type::equalsIgnoreCase).findFirst().orElse(type);
    }

    /** The element of a core definition that {@code element} derives from (its {@code base}), else itself. */
    private ElementDefinition definitionOf(ElementDefinition element) {
        if (!element.hasBase() || !element.getBase().hasPath()) return element;
        String path = element.getBase().getPath();
        int dot = path.indexOf('.');
        StructureDefinition definition = structure(CORE + (dot < 0 ? path : path.substring(0, dot)));
        if (definition == null || !definition.hasSnapshot()) return element;
        for (ElementDefinition candidate : definition.getSnapshot().getElement()) {
            if (candidate.getPath().equals(path)) return candidate;
        }
        return element;
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
