package jp.nexehrs.compose;

import jp.nexehrs.check.ValueSetExpansion;
import jp.nexehrs.render.ArtifactLinks;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of value set and code system pages: a value set's definition in words, its expansion when it can be
 * computed offline and the profiles that bind to it; a code system's concept hierarchy with Japanese displays
 * and English designations.
 */
final class TerminologyView {
    private final SiteLinks site;
    private final Map<String, ValueSetExpansion> expansions;

    /** @param expansions the check stage's expansions of the project's value sets, by canonical URL */
    TerminologyView(SiteLinks site, Map<String, ValueSetExpansion> expansions) {
        this.site = site;
        this.expansions = expansions;
    }

    Map<String, Object> valueSet(ValueSet valueSet) {
        Map<String, Object> page = new LinkedHashMap<>();
        List<Map<String, Object>> includes = new ArrayList<>();
        valueSet.getCompose().getInclude().forEach(include -> includes.add(conceptSet(include, "include")));
        valueSet.getCompose().getExclude().forEach(exclude -> includes.add(conceptSet(exclude, "exclude")));
        page.put("includes", includes);
        page.put("expansion", expansion(valueSet));
        ValueSetExpansion expansion = expansions.get(valueSet.getUrl());
        page.put("unavailable", expansion == null ? List.of() : expansion.unavailable());
        page.put("usedBy", site.bindingsTo(valueSet.getUrl()));
        return page;
    }

    Map<String, Object> codeSystem(CodeSystem codeSystem) {
        List<Map<String, Object>> concepts = new ArrayList<>();
        flatten(codeSystem.getConcept(), 0, concepts);
        return Map.of("concepts", concepts, "content", codeSystem.hasContent() ? codeSystem.getContent().toCode() : "");
    }

    private Map<String, Object> conceptSet(ValueSet.ConceptSetComponent set, String mode) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("mode", mode);
        model.put("system", set.hasSystem() ? set.getSystem() : "");
        model.put("systemHref", set.hasSystem() ? site.links().local(set.getSystem()).map(ArtifactLinks.Local::pagePath).orElse("") : "");
        model.put("version", set.hasVersion() ? set.getVersion() : "");
        model.put("codes", set.getConcept().stream().map(c -> Map.of("code", c.getCode(), "display", c.hasDisplay() ? c.getDisplay() : "")).toList());
        model.put("filters", set.getFilter().stream().map(f -> Map.of("property", f.getProperty(),
                "op", f.hasOp() ? f.getOp().toCode() : "", "value", f.hasValue() ? f.getValue() : "")).toList());
        model.put("valueSets", set.getValueSet().stream().map(v -> {
            ArtifactLinks.Link link = site.links().canonical(v.getValue(), "");
            return Map.of("url", v.getValue(), "label", link.label(), "href", link.href());
        }).toList());
        return model;
    }

    /** The expansion when it could be computed offline; null when it needs a code system that is not available. */
    private List<Map<String, String>> expansion(ValueSet valueSet) {
        ValueSetExpansion expansion = expansions.get(valueSet.getUrl());
        if (expansion == null || expansion.codes().isEmpty()) return null;
        return expansion.codes().get().stream().map(c -> Map.of("system", nullToEmpty(c.system()), "code", nullToEmpty(c.code()),
                "display", c.display())).toList();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static void flatten(List<CodeSystem.ConceptDefinitionComponent> concepts, int depth, List<Map<String, Object>> out) {
        for (CodeSystem.ConceptDefinitionComponent concept : concepts) {
            String english = concept.getDesignation().stream().filter(d -> d.hasLanguage() && d.getLanguage().startsWith("en"))
                    .map(CodeSystem.ConceptDefinitionDesignationComponent::getValue).findFirst().orElse("");
            out.add(Map.of("code", concept.getCode(), "display", concept.hasDisplay() ? concept.getDisplay() : "",
                    "english", english, "definition", concept.hasDefinition() ? concept.getDefinition() : "", "depth", depth,
                    "hasChildren", concept.hasConcept()));
            flatten(concept.getConcept(), depth + 1, out);
        }
    }
}
