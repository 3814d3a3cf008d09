package jp.nexehrs.compose;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
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
    private final IValidationSupport support;

    TerminologyView(SiteLinks site, IValidationSupport support) {
        this.site = site;
        this.support = support;
    }

    Map<String, Object> valueSet(ValueSet valueSet) {
        Map<String, Object> page = new LinkedHashMap<>();
        List<Map<String, Object>> includes = new ArrayList<>();
        valueSet.getCompose().getInclude().forEach(include -> includes.add(conceptSet(include, "include")));
        valueSet.getCompose().getExclude().forEach(exclude -> includes.add(conceptSet(exclude, "exclude")));
        page.put("includes", includes);
        page.put("expansion", expansion(valueSet));
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

    /** The expansion when it can be computed offline; null when it needs a code system that is not available. */
    private List<Map<String, String>> expansion(ValueSet valueSet) {
        try {
            var outcome = support.expandValueSet(new ValidationSupportContext(support), new ValueSetExpansionOptions(), valueSet);
            if (outcome == null || outcome.getValueSet() == null || outcome.getError() != null) return null;
            ValueSet expanded = (ValueSet) outcome.getValueSet();
            return expanded.getExpansion().getContains().stream().map(c -> Map.of("system", c.hasSystem() ? c.getSystem() : "",
                    "code", c.hasCode() ? c.getCode() : "", "display", c.hasDisplay() ? c.getDisplay() : "")).toList();
        } catch (RuntimeException e) {
            // An expansion that needs an unavailable code system is shown as not computable offline, not as a failure.
            return null;
        }
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
