package jp.nexehrs.compose;

import jp.nexehrs.render.ArtifactLinks;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.SearchParameter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models of the pages of the other conformance resources real guides publish: search parameters, capability
 * statements (what a server or client supports, resource by resource), operation definitions (their parameters),
 * naming systems (their identifiers) and concept maps (each source code and where it maps). Links to other
 * artifacts go through {@link SiteLinks}; every value is text, never null.
 */
final class ConformanceView {
    private static final String EXPECTATION = "http://hl7.org/fhir/StructureDefinition/capabilitystatement-expectation";
    private final SiteLinks site;

    ConformanceView(SiteLinks site) {
        this.site = site;
    }

    Map<String, Object> searchParameter(SearchParameter parameter) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("code", text(parameter.getCodeElement()));
        page.put("bases", codes(parameter.getBase()));
        page.put("searchType", parameter.hasType() ? parameter.getType().toCode() : "");
        page.put("expression", text(parameter.getExpressionElement()));
        page.put("xpath", text(parameter.getXpathElement()));
        page.put("xpathUsage", parameter.hasXpathUsage() ? parameter.getXpathUsage().toCode() : "");
        page.put("targets", codes(parameter.getTarget()));
        page.put("comparators", parameter.getComparator().stream().map(Enumeration::getCode).toList());
        page.put("modifiers", parameter.getModifier().stream().map(Enumeration::getCode).toList());
        page.put("chains", parameter.getChain().stream().map(PrimitiveType::getValue).toList());
        page.put("multipleOr", parameter.hasMultipleOr() ? String.valueOf(parameter.getMultipleOr()) : "");
        page.put("multipleAnd", parameter.hasMultipleAnd() ? String.valueOf(parameter.getMultipleAnd()) : "");
        page.put("derivedFrom", parameter.hasDerivedFrom() ? link(parameter.getDerivedFrom()) : Map.of());
        return page;
    }

    Map<String, Object> capabilityStatement(CapabilityStatement statement) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("capabilityKind", statement.hasKind() ? statement.getKind().toCode() : "");
        page.put("fhirVersion", statement.hasFhirVersion() ? statement.getFhirVersion().toCode() : "");
        page.put("formats", codes(statement.getFormat()));
        page.put("software", statement.hasSoftware() ? (text(statement.getSoftware().getNameElement()) + " "
                + text(statement.getSoftware().getVersionElement())).strip() : "");
        page.put("instantiates", links(statement.getInstantiates()));
        page.put("imports", links(statement.getImports()));
        List<Map<String, Object>> rests = new ArrayList<>();
        for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("mode", rest.hasMode() ? rest.getMode().toCode() : "");
            model.put("documentation", text(rest.getDocumentationElement()));
            model.put("security", rest.hasSecurity() ? text(rest.getSecurity().getDescriptionElement()) : "");
            model.put("interactions", rest.getInteraction().stream().map(i -> expected(i.hasCode() ? i.getCode().toCode() : "", i)).toList());
            List<Map<String, Object>> resources = new ArrayList<>();
            for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("type", text(resource.getTypeElement()));
                r.put("expectation", expectation(resource));
                r.put("profile", resource.hasProfile() ? link(resource.getProfile()) : Map.of());
                r.put("supportedProfiles", links(resource.getSupportedProfile()));
                r.put("interactions", resource.getInteraction().stream().map(i -> expected(i.hasCode() ? i.getCode().toCode() : "", i)).toList());
                r.put("searchParams", resource.getSearchParam().stream().map(p -> {
                    Map<String, Object> param = new LinkedHashMap<>();
                    param.put("name", text(p.getNameElement()));
                    param.put("type", p.hasType() ? p.getType().toCode() : "");
                    param.put("definition", p.hasDefinition() ? link(p.getDefinition()) : Map.of());
                    param.put("expectation", expectation(p));
                    param.put("documentation", text(p.getDocumentationElement()));
                    return param;
                }).toList());
                r.put("operations", resource.getOperation().stream().map(o -> Map.of("name", text(o.getNameElement()),
                        "definition", o.hasDefinition() ? link(o.getDefinition()) : Map.of())).toList());
                r.put("searchIncludes", resource.getSearchInclude().stream().map(PrimitiveType::getValue).toList());
                r.put("searchRevIncludes", resource.getSearchRevInclude().stream().map(PrimitiveType::getValue).toList());
                r.put("documentation", text(resource.getDocumentationElement()));
                resources.add(r);
            }
            model.put("resources", resources);
            model.put("operations", rest.getOperation().stream().map(o -> Map.of("name", text(o.getNameElement()),
                    "definition", o.hasDefinition() ? link(o.getDefinition()) : Map.of())).toList());
            rests.add(model);
        }
        page.put("rests", rests);
        return page;
    }

    Map<String, Object> operationDefinition(OperationDefinition operation) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("code", text(operation.getCodeElement()));
        page.put("operationKind", operation.hasKind() ? operation.getKind().toCode() : "");
        page.put("resources", codes(operation.getResource()));
        List<String> levels = new ArrayList<>();
        if (operation.getSystem()) levels.add("system");
        if (operation.getType()) levels.add("type");
        if (operation.getInstance()) levels.add("instance");
        page.put("levels", levels);
        page.put("affectsState", operation.hasAffectsState() ? String.valueOf(operation.getAffectsState()) : "");
        page.put("base", operation.hasBase() ? link(operation.getBase()) : Map.of());
        List<Map<String, Object>> parameters = new ArrayList<>();
        flatten(operation.getParameter(), 0, parameters);
        page.put("parameters", parameters);
        return page;
    }

    Map<String, Object> namingSystem(NamingSystem system) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("systemKind", system.hasKind() ? system.getKind().toCode() : "");
        page.put("responsible", text(system.getResponsibleElement()));
        page.put("usage", text(system.getUsageElement()));
        page.put("uniqueIds", system.getUniqueId().stream().map(id -> Map.of("type", id.hasType() ? id.getType().toCode() : "",
                "value", text(id.getValueElement()), "preferred", id.hasPreferred() && id.getPreferred(),
                "comment", text(id.getCommentElement()))).toList());
        return page;
    }

    Map<String, Object> conceptMap(ConceptMap map) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", map.hasSource() ? link(map.getSource().primitiveValue()) : Map.of());
        page.put("target", map.hasTarget() ? link(map.getTarget().primitiveValue()) : Map.of());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (ConceptMap.SourceElementComponent element : group.getElement()) {
                if (element.getTarget().isEmpty()) {
                    rows.add(row(element, "", "", "", ""));
                }
                for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                    rows.add(row(element, text(target.getCodeElement()), text(target.getDisplayElement()),
                            target.hasEquivalence() ? target.getEquivalence().toCode() : "", text(target.getCommentElement())));
                }
            }
            groups.add(Map.of("source", text(group.getSourceElement()), "sourceHref", href(group.getSource()),
                    "target", text(group.getTargetElement()), "targetHref", href(group.getTarget()), "rows", rows,
                    "unmapped", group.hasUnmapped() && group.getUnmapped().hasMode() ? group.getUnmapped().getMode().toCode() : ""));
        }
        page.put("groups", groups);
        return page;
    }

    private static Map<String, String> row(ConceptMap.SourceElementComponent element, String code, String display, String equivalence,
                                           String comment) {
        return Map.of("code", text(element.getCodeElement()), "display", text(element.getDisplayElement()), "targetCode", code,
                "targetDisplay", display, "equivalence", equivalence, "comment", comment);
    }

    /** Parameters and their parts, depth first, each with its depth for indentation. */
    private void flatten(List<OperationDefinition.OperationDefinitionParameterComponent> parameters, int depth, List<Map<String, Object>> out) {
        for (OperationDefinition.OperationDefinitionParameterComponent parameter : parameters) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", text(parameter.getNameElement()));
            model.put("use", parameter.hasUse() ? parameter.getUse().toCode() : "");
            model.put("cardinality", parameter.getMin() + ".." + (parameter.hasMax() ? parameter.getMax() : "*"));
            model.put("type", text(parameter.getTypeElement()));
            model.put("targets", links(parameter.getTargetProfile()));
            model.put("searchType", parameter.hasSearchType() ? parameter.getSearchType().toCode() : "");
            model.put("binding", parameter.hasBinding() && parameter.getBinding().hasValueSet() ? link(parameter.getBinding().getValueSet()) : Map.of());
            model.put("documentation", text(parameter.getDocumentationElement()));
            model.put("depth", depth);
            out.add(model);
            flatten(parameter.getPart(), depth + 1, out);
        }
    }

    private Map<String, String> expected(String code, Element element) {
        return Map.of("code", code, "expectation", expectation(element));
    }

    /** The capability statement expectation (SHALL, SHOULD, MAY) an element carries, or "". */
    private static String expectation(Element element) {
        var extension = element.getExtensionByUrl(EXPECTATION);
        String value = extension == null || !extension.hasValue() ? null : extension.getValue().primitiveValue();
        return value == null ? "" : value;
    }

    private Map<String, String> link(String canonical) {
        ArtifactLinks.Link link = site.links().canonical(canonical, "");
        return Map.of("label", link.label(), "href", link.href(), "url", canonical);
    }

    private List<Map<String, String>> links(List<CanonicalType> canonicals) {
        return canonicals.stream().filter(CanonicalType::hasValue).map(c -> link(c.getValue())).toList();
    }

    /** The page of a code system of this project, or "". */
    private String href(String canonical) {
        return canonical == null ? "" : site.links().local(canonical).map(ArtifactLinks.Local::pagePath).orElse("");
    }

    private static List<String> codes(List<? extends PrimitiveType<?>> values) {
        return values.stream().map(PrimitiveType::getValueAsString).filter(v -> v != null).toList();
    }

    private static String text(PrimitiveType<?> value) {
        return value == null || value.getValueAsString() == null ? "" : value.getValueAsString();
    }
}
