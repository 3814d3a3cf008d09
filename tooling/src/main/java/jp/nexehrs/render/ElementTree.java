package jp.nexehrs.render;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the rows of a profile's element tree for one {@link ElementView} from its snapshot: the elements the view
 * selects plus their ancestors, in snapshot order, each under its parent; a slice sits under the element it
 * slices. Elements prohibited by {@code max = 0}, and everything under them, are left out.
 */
public final class ElementTree {
    private static final String FHIR_TYPE = "http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type";
    private final FhirContext context;
    private final ArtifactLinks links;

    public ElementTree(FhirContext context, ArtifactLinks links) {
        this.context = context;
        this.links = links;
    }

    /** @param rootPrefix prepended to links to this project's pages ({@code ../} from a document in a folder) */
    public List<ElementNode> rows(StructureDefinition profile, ElementView view, String rootPrefix) {
        Map<String, ElementDefinition> elements = allowed(profile);
        Predicate<ElementDefinition> selects = selector(profile, view);
        Set<String> selected = new HashSet<>();
        Set<String> shown = new HashSet<>();
        for (var entry : elements.entrySet()) {
            if (!selects.test(entry.getValue())) continue;
            selected.add(entry.getKey());
            for (String id = entry.getKey(); id != null && shown.add(id); id = parentId(id)) {
                // each ancestor up to the root, stopping where the chain is already shown
            }
        }
        Set<String> parents = new HashSet<>();
        for (String id : shown) {
            String parent = parentId(id);
            if (parent != null) parents.add(parent);
        }
        Map<String, Integer> depths = new HashMap<>();
        List<ElementNode> rows = new ArrayList<>();
        for (var entry : elements.entrySet()) {
            String id = entry.getKey();
            if (!shown.contains(id)) continue;
            String parent = parentId(id);
            int depth = parent != null && depths.containsKey(parent) ? depths.get(parent) + 1 : 0;
            depths.put(id, depth);
            rows.add(node(entry.getValue(), id, parent, depth, parents.contains(id), !selected.contains(id), rootPrefix));
        }
        return rows;
    }

    /** The snapshot's elements by id, in order, without those prohibited ({@code max = 0}) and everything under them. */
    public static Map<String, ElementDefinition> allowed(StructureDefinition profile) {
        Map<String, ElementDefinition> elements = new LinkedHashMap<>();
        Set<String> prohibited = new HashSet<>();
        for (ElementDefinition element : profile.getSnapshot().getElement()) {
            String id = idOf(element);
            String parent = parentId(id);
            if ("0".equals(element.getMax()) || (parent != null && prohibited.contains(parent))) {
                prohibited.add(id);
                continue;
            }
            elements.put(id, element);
        }
        return elements;
    }

    private static Predicate<ElementDefinition> selector(StructureDefinition profile, ElementView view) {
        return switch (view) {
            case SNAPSHOT -> element -> true;
            case DIFFERENTIAL -> {
                Set<String> differential = new HashSet<>();
                profile.getDifferential().getElement().forEach(e -> differential.add(idOf(e)));
                yield element -> differential.contains(idOf(element));
            }
            case MUST_SUPPORT -> ElementDefinition::getMustSupport;
            case KEY -> element -> element.getMin() > 0 || element.getMustSupport() || element.getIsModifier();
        };
    }

    private ElementNode node(ElementDefinition element, String id, String parent, int depth, boolean hasChildren,
                             boolean context, String rootPrefix) {
        String tail = parent == null ? id : id.substring(parent.length() + 1);
        String name = element.hasSliceName() ? nameOf(element.getPath()) + ":" + element.getSliceName() : tail;
        var flags = new ElementNode.Flags(element.getIsModifier(), element.getIsSummary(), element.getMustSupport(),
                element.getConstraint().stream().anyMatch(c -> !"ele-1".equals(c.getKey())));
        String cardinality = element.getMin() + ".." + (element.hasMax() ? element.getMax() : "*");
        return new ElementNode(id, name, parent == null ? "" : parent, depth, hasChildren, context,
                element.hasSliceName() ? element.getSliceName() : "", flags, cardinality, types(element, rootPrefix),
                element.hasShort() ? element.getShort() : "", element.hasDefinition() ? element.getDefinition() : "",
                slicing(element), binding(element, rootPrefix), fixed(element));
    }

    private List<ElementNode.TypeRef> types(ElementDefinition element, String rootPrefix) {
        List<ElementNode.TypeRef> types = new ArrayList<>();
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            String code = type.getCode();
            if (code == null) continue;
            List<ArtifactLinks.Link> targets = type.getTargetProfile().stream()
                    .map(target -> links.canonical(target.getValue(), rootPrefix)).toList();
            if (type.hasProfile()) {
                for (CanonicalType profile : type.getProfile()) {
                    types.add(new ElementNode.TypeRef(links.canonical(profile.getValue(), rootPrefix), targets));
                }
            } else {
                // Primitive values carry a FHIRPath system type; the extension names the FHIR type people know (uri, string).
                String fhirType = type.getExtensionString(FHIR_TYPE);
                String shown = fhirType != null ? fhirType : code;
                types.add(new ElementNode.TypeRef(new ArtifactLinks.Link(R4Types.label(shown), R4Types.href(shown)), targets));
            }
        }
        return types;
    }

    private static String slicing(ElementDefinition element) {
        if (!element.hasSlicing()) return "";
        ElementDefinition.ElementDefinitionSlicingComponent slicing = element.getSlicing();
        String discriminators = String.join(", ", slicing.getDiscriminator().stream()
                .map(d -> (d.hasType() ? d.getType().toCode() : "?") + " @ " + d.getPath()).toList());
        return "スライス Slicing: 判別子 " + (discriminators.isEmpty() ? "なし" : discriminators)
                + "、規則 " + (slicing.hasRules() ? slicing.getRules().toCode() : "open")
                + "、" + (slicing.getOrdered() ? "順序あり ordered" : "順序なし unordered");
    }

    private ElementNode.Binding binding(ElementDefinition element, String rootPrefix) {
        if (!element.hasBinding() || !element.getBinding().hasValueSet()) return null;
        String strength = element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() : "";
        String valueSet = element.getBinding().getValueSet();
        return new ElementNode.Binding(strength, valueSet, links.canonical(valueSet, rootPrefix));
    }

    private String fixed(ElementDefinition element) {
        Type value = element.hasFixed() ? element.getFixed() : element.hasPattern() ? element.getPattern() : null;
        if (value == null) return "";
        String prefix = element.hasFixed() ? "fixed: " : "pattern: ";
        if (value instanceof PrimitiveType<?> primitive) return prefix + primitive.getValueAsString();
        return prefix + context.newJsonParser().setPrettyPrint(false).encodeToString(value);
    }

    static String idOf(ElementDefinition element) {
        return element.hasId() ? element.getId() : element.getPath();
    }

    /** The row an element sits under: a slice under the element it slices, anything else under its path's parent. */
    static String parentId(String id) {
        int dot = id.lastIndexOf('.');
        int colon = id.lastIndexOf(':');
        if (colon > dot) return id.substring(0, colon);
        return dot < 0 ? null : id.substring(0, dot);
    }

    private static String nameOf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
