package jp.nexehrs.compose;

import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTableRenderer;
import jp.nexehrs.render.ElementTree;
import jp.nexehrs.render.ElementView;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The model of a profile's or extension's page: base and derived profiles, the four element views, bindings,
 * constraints, the extensions it uses, the examples that claim it, and for an extension its context, value
 * types and sub-extensions.
 */
final class ProfileView {
    /** A character of Japanese text: kana or kanji. */
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]");
    private final SiteLinks site;
    private final ElementTree tree;
    private final ElementTableRenderer renderer = new ElementTableRenderer();

    ProfileView(SiteLinks site, ElementTree tree) {
        this.site = site;
        this.tree = tree;
    }

    Map<String, Object> model(StructureDefinition profile) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("base", link(profile.getBaseDefinition()));
        page.put("derived", site.derivedFrom(profile.getUrl()).stream().map(this::link).toList());
        List<Map<String, String>> views = new ArrayList<>();
        for (ElementView view : ElementView.values()) {
            views.add(Map.of("code", view.code(), "ja", view.japanese(), "en", view.english(),
                    "html", renderer.render(tree.rows(profile, view, ""), view)));
        }
        page.put("views", views);
        page.put("englishCore", hasEnglishDescriptions(profile));
        page.put("summary", summary(profile));
        page.put("mappings", mappings(profile));
        page.put("bindings", bindings(profile));
        page.put("constraints", constraints(profile));
        page.put("extensions", extensions(profile));
        page.put("examples", site.examplesClaiming(profile.getUrl()));
        if ("Extension".equals(profile.getType()) && profile.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
            page.put("extension", extensionSummary(profile));
        }
        return page;
    }

    /**
     * What the profile changes, in figures, as the IG Publisher's text summary gives them: of the elements its
     * differential names, those it makes mandatory, must support, fixes (fixed or pattern) or prohibits, and the
     * slices it defines.
     */
    private static Map<String, Object> summary(StructureDefinition profile) {
        List<ElementDefinition> differential = profile.getDifferential().getElement();
        List<String> slices = differential.stream().filter(ElementDefinition::hasSliceName)
                .map(e -> e.hasId() ? e.getId() : e.getPath() + ":" + e.getSliceName()).toList();
        return Map.of(
                "mandatory", differential.stream().filter(e -> e.hasMin() && e.getMin() > 0).count(),
                "mustSupport", differential.stream().filter(e -> e.hasMustSupport() && e.getMustSupport()).count(),
                "fixed", differential.stream().filter(e -> e.hasFixed() || e.hasPattern()).count(),
                "prohibited", differential.stream().filter(e -> "0".equals(e.getMax())).count(),
                "slices", slices);
    }

    /**
     * The profile's mappings ({@code StructureDefinition.mapping}), each with the rows its elements map (the
     * elements' {@code mapping} of that identity), in snapshot order; a mapping no element uses is still listed.
     */
    private static List<Map<String, Object>> mappings(StructureDefinition profile) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        for (StructureDefinition.StructureDefinitionMappingComponent mapping : profile.getMapping()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (ElementDefinition element : shownElements(profile)) {
                for (ElementDefinition.ElementDefinitionMappingComponent map : element.getMapping()) {
                    if (!mapping.getIdentity().equals(map.getIdentity())) continue;
                    rows.add(Map.of("path", element.getId(), "map", map.hasMap() ? map.getMap() : "",
                            "comment", map.hasComment() ? map.getComment() : ""));
                }
            }
            mappings.add(Map.of("identity", mapping.hasIdentity() ? mapping.getIdentity() : "", "name", mapping.hasName() ? mapping.getName() : "",
                    "uri", mapping.hasUri() ? mapping.getUri() : "", "comment", mapping.hasComment() ? mapping.getComment() : "", "rows", rows));
        }
        return mappings;
    }

    /**
     * Whether some element's short description has no Japanese in it: text the profile inherits from the FHIR core
     * specification, which is English; the page says why once.
     */
    private static boolean hasEnglishDescriptions(StructureDefinition profile) {
        return shownElements(profile).stream().anyMatch(e -> e.hasShort() && !JAPANESE.matcher(e.getShort()).find());
    }

    private Map<String, String> link(String canonical) {
        if (canonical == null || canonical.isEmpty()) return Map.of("label", "", "href", "", "url", "");
        ArtifactLinks.Link link = site.links().canonical(canonical, "");
        return Map.of("label", link.label(), "href", link.href(), "url", canonical);
    }

    private List<Map<String, String>> bindings(StructureDefinition profile) {
        List<Map<String, String>> bindings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ElementDefinition element : shownElements(profile)) {
            if (!element.hasBinding() || !element.getBinding().hasValueSet() || !seen.add(element.getId())) continue;
            ElementDefinition.ElementDefinitionBindingComponent binding = element.getBinding();
            ArtifactLinks.Link valueSet = site.links().canonical(binding.getValueSet(), "");
            bindings.add(Map.of("path", element.getId(), "strength", binding.hasStrength() ? binding.getStrength().toCode() : "",
                    "label", valueSet.label(), "href", valueSet.href(), "url", binding.getValueSet(),
                    "description", binding.hasDescription() ? binding.getDescription() : ""));
        }
        return bindings;
    }

    /** Constraints of the snapshot, each once by key; those the profile adds itself first. */
    private static List<Map<String, Object>> constraints(StructureDefinition profile) {
        Set<String> own = new HashSet<>();
        profile.getDifferential().getElement().forEach(e -> e.getConstraint().forEach(c -> own.add(c.getKey())));
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        for (ElementDefinition element : shownElements(profile)) {
            for (ElementDefinition.ElementDefinitionConstraintComponent c : element.getConstraint()) {
                if ("ele-1".equals(c.getKey()) || byKey.containsKey(c.getKey())) continue;
                byKey.put(c.getKey(), Map.of("key", c.getKey(), "severity", c.hasSeverity() ? c.getSeverity().toCode() : "",
                        "human", c.hasHuman() ? c.getHuman() : "", "expression", c.hasExpression() ? c.getExpression() : "",
                        "path", element.getId(), "own", own.contains(c.getKey())));
            }
        }
        List<Map<String, Object>> constraints = new ArrayList<>(byKey.values().stream().filter(c -> (boolean) c.get("own")).toList());
        constraints.addAll(byKey.values().stream().filter(c -> !(boolean) c.get("own")).toList());
        return constraints;
    }

    private List<Map<String, String>> extensions(StructureDefinition profile) {
        Map<String, Map<String, String>> used = new LinkedHashMap<>();
        for (ElementDefinition element : shownElements(profile)) {
            for (ElementDefinition.TypeRefComponent type : element.getType()) {
                if (!"Extension".equals(type.getCode())) continue;
                for (CanonicalType url : type.getProfile()) {
                    ArtifactLinks.Link link = site.links().canonical(url.getValue(), "");
                    used.putIfAbsent(url.getValue(), Map.of("label", link.label(), "href", link.href(), "url", url.getValue(),
                            "path", element.getId()));
                }
            }
        }
        return List.copyOf(used.values());
    }

    private Map<String, Object> extensionSummary(StructureDefinition extension) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("contexts", extension.getContext().stream()
                .map(c -> (c.hasType() ? c.getType().toCode() : "") + ": " + c.getExpression()).toList());
        List<ElementDefinition> elements = extension.getSnapshot().getElement();
        ElementDefinition root = elements.isEmpty() ? new ElementDefinition() : elements.get(0);
        summary.put("cardinality", root.getMin() + ".." + (root.hasMax() ? root.getMax() : "*"));
        summary.put("valueTypes", valueTypes(elements, "Extension.value[x]"));
        List<Map<String, Object>> parts = new ArrayList<>();
        for (ElementDefinition element : elements) {
            if (!"Extension.extension".equals(element.getPath()) || !element.hasSliceName() || "0".equals(element.getMax())) continue;
            parts.add(Map.of("name", element.getSliceName(), "cardinality", element.getMin() + ".." + element.getMax(),
                    "short", element.hasShort() ? element.getShort() : "",
                    "valueTypes", valueTypes(elements, "Extension.extension:" + element.getSliceName() + ".value[x]")));
        }
        summary.put("parts", parts);
        return summary;
    }

    /** The value types allowed at an element id, as links; empty when the element is prohibited or absent. */
    private List<Map<String, Object>> valueTypes(List<ElementDefinition> elements, String id) {
        Set<Map<String, Object>> types = new LinkedHashSet<>();
        for (ElementDefinition element : elements) {
            if (!id.equals(element.getId()) || "0".equals(element.getMax())) continue;
            for (ElementDefinition.TypeRefComponent type : element.getType()) {
                ArtifactLinks.Link link = site.links().canonical("http://hl7.org/fhir/StructureDefinition/" + type.getCode(), "");
                List<Map<String, String>> targets = type.getTargetProfile().stream().map(target -> {
                    ArtifactLinks.Link targetLink = site.links().canonical(target.getValue(), "");
                    return Map.of("label", targetLink.label(), "href", targetLink.href());
                }).toList();
                types.add(Map.of("label", link.label(), "href", link.href(), "targets", targets));
            }
        }
        return List.copyOf(types);
    }

    private static List<ElementDefinition> shownElements(StructureDefinition profile) {
        return List.copyOf(ElementTree.allowed(profile).values());
    }
}
