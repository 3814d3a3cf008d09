package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.util.FhirTerser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * StructureDefinitions, ValueSets, CodeSystems and SearchParameters found by canonical URL, each parsed when asked for
 * and let go when memory runs short ({@link ReparsableResource}). Keys as HAPI's PrePopulatedValidationSupport makes
 * them: the URL with and without its version, {@code url|version}, and the URL's last one and two segments; a
 * resource added again under a URL replaces the earlier one.
 * <p>
 * {@link #fetchAllStructureDefinitions()} lists only the type definitions (derivation "specialization": logical models,
 * custom types), not the profiles and extensions. HAPI's validator converts that list to R5 and keeps it for its
 * whole life, for what it uses it for: type names, primitive types, FHIRPath's types. Listing every profile there
 * kept an R5 copy of each alive for the whole check stage, memory that grew with the input; profiles are found by
 * URL when an instance names them, as before.
 */
final class OnDemandConformance implements IValidationSupport {
    private static final Set<String> TYPES = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter");
    private final FhirContext context;
    private final String name;
    private final ResourcePins pins;
    private final Map<String, Map<String, ReparsableResource>> byTypeAndKey = new ConcurrentHashMap<>();
    /** Each resource once, by type and URL, in the order added; for the fetchAll methods. */
    private final Map<String, Map<String, ReparsableResource>> byTypeAndUrl = new ConcurrentHashMap<>();
    private final Map<String, ReparsableResource> typeDefinitions = new LinkedHashMap<>();

    /** @param pins records each resource this support gives, for the user that asked (see {@link ResourcePins}) */
    OnDemandConformance(FhirContext context, String name, ResourcePins pins) {
        this.context = context;
        this.name = name;
        this.pins = pins;
    }

    static boolean holds(String resourceType) {
        return TYPES.contains(resourceType);
    }

    /** Adds {@code resource}; {@code current} is its resource, parsed, for reading its URL and version now. */
    synchronized void add(IBaseResource current, ReparsableResource resource) {
        String type = context.getResourceType(current);
        if (!holds(type)) throw new IllegalArgumentException("not a " + TYPES + ": " + type);
        FhirTerser terser = context.newTerser();
        String url = terser.getSinglePrimitiveValueOrNull(current, "url");
        if (url == null || url.isBlank()) throw new IllegalArgumentException("a " + type + " without a url cannot be found");
        String version = terser.getSinglePrimitiveValueOrNull(current, "version");
        Map<String, ReparsableResource> keyed = byTypeAndKey.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
        for (String key : keysOf(url, version)) keyed.put(key, resource);
        byTypeAndUrl.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(url, resource);
        if (current instanceof StructureDefinition definition
                && definition.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION) {
            typeDefinitions.put(url, resource);
        } else {
            typeDefinitions.remove(url);
        }
    }

    private static Set<String> keysOf(String url, String version) {
        int pipe = url.indexOf('|');
        String withoutVersion = pipe < 0 ? url : url.substring(0, pipe);
        Set<String> urls = new LinkedHashSet<>(List.of(url, withoutVersion));
        if (version != null && !version.isBlank()) urls.add(withoutVersion + "|" + version);
        Set<String> keys = new LinkedHashSet<>();
        for (String each : urls) {
            keys.add(each);
            int last = each.lastIndexOf('/');
            if (last < 0) continue;
            keys.add(each.substring(last + 1));
            int previous = each.lastIndexOf('/', last - 1);
            if (previous >= 0) keys.add(each.substring(previous + 1));
        }
        return keys;
    }

    private IBaseResource fetch(String type, String key) {
        if (key == null) return null;
        Map<String, ReparsableResource> keyed = byTypeAndKey.get(type);
        ReparsableResource found = keyed == null ? null : keyed.get(key);
        if (found == null) return null;
        IBaseResource resource = found.get();
        pins.pin(resource);
        return resource;
    }

    private synchronized List<IBaseResource> all(String type) {
        Map<String, ReparsableResource> byUrl = byTypeAndUrl.get(type);
        List<IBaseResource> all = new ArrayList<>();
        if (byUrl != null) byUrl.values().forEach(r -> all.add(r.get()));
        all.forEach(pins::pin);
        return all;
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        return fetch("StructureDefinition", url);
    }

    @Override
    public IBaseResource fetchValueSet(String url) {
        return fetch("ValueSet", url);
    }

    @Override
    public IBaseResource fetchCodeSystem(String system) {
        return fetch("CodeSystem", system);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext supportContext, String url) {
        Map<String, ReparsableResource> keyed = byTypeAndKey.get("ValueSet");
        return url != null && keyed != null && keyed.containsKey(url);
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext supportContext, String system) {
        Map<String, ReparsableResource> keyed = byTypeAndKey.get("CodeSystem");
        return system != null && keyed != null && keyed.containsKey(system);
    }

    @SuppressWarnings("unchecked")
    @Override
    public synchronized <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        List<T> all = new ArrayList<>();
        typeDefinitions.values().forEach(r -> all.add((T) r.get()));
        all.forEach(pins::pin);
        return all;
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T extends IBaseResource> List<T> fetchAllSearchParameters() {
        return (List<T>) all("SearchParameter");
    }

    /** Every resource, each parsed. */
    @Override
    public List<IBaseResource> fetchAllConformanceResources() {
        List<IBaseResource> all = new ArrayList<>(all("CodeSystem"));
        all.addAll(all("StructureDefinition"));
        all.addAll(all("ValueSet"));
        return all;
    }

    @Override
    public FhirContext getFhirContext() {
        return context;
    }

    @Override
    public String getName() {
        return name;
    }
}
