package jp.nexehrs.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * The validation support chain of one project: R4 base definitions, the project's (and its dependencies')
 * conformance resources, offline terminology and snapshot generation. Each support answers what it can, in
 * order. Code systems that are not available offline are warnings, never errors.
 */
public final class ConformanceSupport {
    private final FhirEngine engine;
    private final OnDemandConformance local;
    /** Resources of the packages this project depends on; after {@code local}, so the project's own win. */
    private final OnDemandConformance dependencies;
    /** Questionnaire, Library, ImplementationGuide and other canonical resources, of the project and its dependencies. */
    private final CanonicalResources otherCanonicals;
    private final SnapshotGeneratingValidationSupport snapshots;
    private final PublisherSnapshots publisherSnapshots;
    private final CommonCodeSystems commonCodeSystems;
    private final ValidationSupportChain chain;
    private final ValidationSupportChain generationChain;
    private final ResourcePins pins = new ResourcePins();

    public ConformanceSupport(FhirEngine engine) {
        this.engine = engine;
        this.local = new OnDemandConformance(engine.context(), "the project's conformance resources", pins);
        this.dependencies = new OnDemandConformance(engine.context(), "the dependency packages' conformance resources", pins);
        this.otherCanonicals = new CanonicalResources(engine.context());
        this.snapshots = new SnapshotGeneratingValidationSupport(engine.context());
        this.publisherSnapshots = new PublisherSnapshots(engine.context());
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(engine.context());
        // HAPI's default is ERROR; LOINC, SNOMED CT and JP national code systems cannot be checked offline.
        unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        this.commonCodeSystems = new CommonCodeSystems(engine.context());
        List<IValidationSupport> supports = List.of(
                new R4BaseDefinitions(engine),
                local,
                dependencies,
                otherCanonicals,
                commonCodeSystems,
                new InMemoryTerminologyServerValidationSupport(engine.context()),
                snapshots,
                unknownCodeSystems,
                new GivenValueSetValidation(engine.context()));
        this.chain = new UncachedDefinitionsChain(supports);
        // Snapshot generation replaces profiles (differential -> snapshot) as it goes; the cached chain would go on
        // serving what it fetched first, including "not found", so generation looks things up without a cache.
        this.generationChain = new ValidationSupportChain(ValidationSupportChain.CacheConfiguration.disabled(), supports);
    }

    /**
     * Adds or replaces (by canonical URL) a StructureDefinition, ValueSet, CodeSystem, Questionnaire or other canonical
     * resource. StructureDefinitions, ValueSets, CodeSystems and SearchParameters are held as given: parsed again
     * when memory let them go.
     */
    public void add(ReparsableResource resource) {
        IBaseResource current = resource.get();
        if (isOnDemand(current)) local.add(current, resource);
        else otherCanonicals.add(current, true);
    }

    /** Adds or replaces (by canonical URL) a conformance resource of a package this project depends on. */
    public void addFromDependency(IBaseResource resource) {
        if (isOnDemand(resource)) dependencies.add(resource, ReparsableResource.held(resource));
        else otherCanonicals.add(resource, false);
    }

    private boolean isOnDemand(IBaseResource resource) {
        return OnDemandConformance.holds(engine.context().getResourceType(resource));
    }

    /**
     * A way to generate snapshots on one thread while other threads do the same. HAPI's generator writes on the R5
     * form of each definition it reads (the base above all), and HAPI caches that form inside the shared R4
     * definition: two generations at once over one base interfered, and a profile's snapshot now and then came out
     * different (CachedBuildTest). A session reads private copies instead. It is for one thread, and for a time in
     * which nothing is added to the chain (its copies would not see the addition).
     */
    public SnapshotSession snapshotSession() {
        PrivateDefinitions copies = new PrivateDefinitions(generationChain);
        ValidationSupportChain sessionChain = new ValidationSupportChain(
                ValidationSupportChain.CacheConfiguration.disabled(), copies, generationChain);
        return (structureDefinition, url, name) -> publisherSnapshots.generate(sessionChain, structureDefinition, url, name);
    }

    /** Generates snapshots; see {@link #snapshotSession()}. */
    @FunctionalInterface
    public interface SnapshotSession {
        /** The snapshot of {@code structureDefinition}, generated from its differential and its base. */
        IBaseResource generate(IBaseResource structureDefinition, String url, String name);
    }

    /** The StructureDefinition as added last (never a cached earlier answer), or null. */
    public IBaseResource fetchStructureDefinition(String url) {
        return generationChain.fetchStructureDefinition(url);
    }

    /**
     * True when the codes of {@code system} can be checked here: a CodeSystem of FHIR R4, the project or its
     * dependencies that lists its codes, or one of the code systems FHIR defines by rule (BCP-47, UCUM, MIME types,
     * ISO countries). R4's own SNOMED CT and LOINC CodeSystems are "not-present" stubs: their codes cannot be checked.
     */
    public boolean hasCodeSystem(String system) {
        IBaseResource codeSystem = chain.fetchCodeSystem(system);
        boolean listsCodes = codeSystem != null
                && !"not-present".equals(engine.context().newTerser().getSinglePrimitiveValueOrNull(codeSystem, "content"));
        return listsCodes || commonCodeSystems.isCodeSystemSupported(new ValidationSupportContext(chain), system);
    }

    /** Forgets what the validation chain cached, after resources were replaced (snapshots generated). */
    public void resourcesChanged() {
        chain.invalidateCaches();
    }

    public ValidationSupportChain chain() {
        return chain;
    }

    /** How a user of the chain keeps what it fetched the same objects for its whole life. */
    public ResourcePins pins() {
        return pins;
    }

    public FhirEngine engine() {
        return engine;
    }
}
