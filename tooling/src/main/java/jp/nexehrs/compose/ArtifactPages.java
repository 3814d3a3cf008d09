package jp.nexehrs.compose;

import jp.nexehrs.load.SiteTemplate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.NamingSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Each kind of artifact page: its template, by convention the resource type in lower case
 * ({@code templates/valueset.ftlh}; {@code resource.ftlh} for a type without one), and the view that adds what its
 * page shows beyond {@link ArtifactModel}. A new kind of artifact page is a template and, when it shows more than
 * the common facts, one line in {@link #views}.
 */
final class ArtifactPages {
    static final String FALLBACK_TEMPLATE = "resource.ftlh";
    private final SiteTemplate template;
    private final Map<String, Function<IBaseResource, Map<String, Object>>> views;
    private final Map<String, String> templates = new HashMap<>();

    ArtifactPages(SiteTemplate template, ProfileView profiles, TerminologyView terminology, ConformanceView conformance) {
        this.template = template;
        this.views = Map.of(
                "StructureDefinition", resource -> profiles.model((StructureDefinition) resource),
                "ValueSet", resource -> terminology.valueSet((ValueSet) resource),
                "CodeSystem", resource -> terminology.codeSystem((CodeSystem) resource),
                "SearchParameter", resource -> conformance.searchParameter((SearchParameter) resource),
                "CapabilityStatement", resource -> conformance.capabilityStatement((CapabilityStatement) resource),
                "OperationDefinition", resource -> conformance.operationDefinition((OperationDefinition) resource),
                "NamingSystem", resource -> conformance.namingSystem((NamingSystem) resource),
                "ConceptMap", resource -> conformance.conceptMap((ConceptMap) resource));
    }

    /** The template of a resource type's pages. */
    String templateFor(String resourceType) {
        return templates.computeIfAbsent(resourceType, type -> {
            String named = type.toLowerCase(Locale.ROOT) + ".ftlh";
            return Files.isRegularFile(template.templates().resolve(named)) ? named : FALLBACK_TEMPLATE;
        });
    }

    /** What the page of {@code resource} shows beyond the common facts; empty for a kind without a view. */
    Map<String, Object> view(String resourceType, IBaseResource resource) {
        var view = views.get(resourceType);
        return view == null ? Map.of() : view.apply(resource);
    }
}
