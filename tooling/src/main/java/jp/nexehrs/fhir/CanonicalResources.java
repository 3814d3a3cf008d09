package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the validator the canonical resources {@link OnDemandConformance} does not hold (Questionnaire, Measure,
 * Library, ImplementationGuide, ActivityDefinition, ...): the validator looks them up by canonical URL, e.g. to check
 * a QuestionnaireResponse against its Questionnaire. Held as objects: they are few, and rarely large.
 */
final class CanonicalResources implements IValidationSupport {
    private final FhirContext context;
    private final FhirTerser terser;
    /** Keyed by resource type and canonical URL (without version). */
    private final Map<String, IBaseResource> byTypeAndUrl = new ConcurrentHashMap<>();

    CanonicalResources(FhirContext context) {
        this.context = context;
        this.terser = context.newTerser();
    }

    /** Adds a resource that has a {@code url}; {@code replace} false keeps one added earlier under the same URL. */
    void add(IBaseResource resource, boolean replace) {
        String url = terser.getSinglePrimitiveValueOrNull(resource, "url");
        if (url == null || url.isBlank()) return;
        String key = context.getResourceType(resource) + "|" + url;
        if (replace) byTypeAndUrl.put(key, resource);
        else byTypeAndUrl.putIfAbsent(key, resource);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
        if (type == null || url == null) return null;
        String withoutVersion = url.contains("|") ? url.substring(0, url.indexOf('|')) : url;
        IBaseResource found = byTypeAndUrl.get(context.getResourceType(type) + "|" + withoutVersion);
        return type.isInstance(found) ? (T) found : null;
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    public String getName() {
        return "nexehrs canonical resources";
    }
}
