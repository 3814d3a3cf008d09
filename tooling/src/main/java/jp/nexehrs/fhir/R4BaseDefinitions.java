package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.List;

/**
 * The R4 base definitions as the HL7 validator reads them, found with or without {@code |4.0.1}, and with its one
 * correction that changes verdicts
 * ({@code PackageHackerR5} in org.hl7.fhir.r5). R4's vital-signs profiles bind {@code Observation.component.value[x]}
 * to the UCUM "Vital Signs Units" as required, although a component's value need not be a quantity; the HL7 validator
 * reads that binding as extensible, so a component in L/min is a warning, not an error. The correction is made in
 * place ({@link #correctVitalSigns}, idempotent) on the definitions HAPI reads once for the whole JVM, by the engine as
 * it reads them and before anyone can fetch one: a copy converted to R5 before the correction would keep the required
 * binding. The first fetch waits until they have been read: a run that never needs them (every snapshot and result
 * found in the build cache) never waits.
 */
final class R4BaseDefinitions implements IValidationSupport {
    private static final String BASE = "http://hl7.org/fhir/StructureDefinition/";
    private static final String R4_VERSION = "4.0.1";
    private static final String VITAL_SIGNS = BASE + "vitalsigns";
    private static final String COMPONENT_VALUE = "Observation.component.value[x]";
    private static final String VITAL_SIGNS_UNITS = "http://hl7.org/fhir/ValueSet/ucum-vitals-common|4.0.1";
    private final FhirEngine engine;

    R4BaseDefinitions(FhirEngine engine) {
        this.engine = engine;
    }

    private DefaultProfileValidationSupport definitions() {
        return engine.baseDefinitions();
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        return definitions().fetchStructureDefinition(unversioned(url));
    }

    /**
     * The type definitions only (resources, data types, primitives), not R4's profiles and extensions, as
     * {@link OnDemandConformance} lists the project's: HAPI's validator converts this list to R5 when it is built, and
     * the 439 profiles and extensions it also held were converted for nothing (about half a second of every cold run; the
     * validator finds them by URL when an instance or a profile names them). The validator oracle, the snapshot oracle
     * and the corpus guides give the same findings and outputs with either list (tooling/BENCHMARKS.md).
     */
    @Override
    public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
        List<T> all = definitions().fetchAllStructureDefinitions();
        if (all == null) return null;
        return all.stream().filter(R4BaseDefinitions::isTypeDefinition).toList();
    }

    private static boolean isTypeDefinition(IBaseResource resource) {
        return !(resource instanceof StructureDefinition definition)
                || definition.getDerivation() != StructureDefinition.TypeDerivationRule.CONSTRAINT;
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllNonBaseStructureDefinitions() {
        return definitions().fetchAllNonBaseStructureDefinitions();
    }

    /** HAPI lists what it has read so far, and the engine reads the value sets after the rest: one fetch waits for them. */
    @Override
    public List<IBaseResource> fetchAllConformanceResources() {
        definitions().fetchValueSet(FhirEngine.ANY_VALUE_SET);
        return definitions().fetchAllConformanceResources();
    }

    @Override
    public <T extends IBaseResource> List<T> fetchAllSearchParameters() {
        return definitions().fetchAllSearchParameters();
    }

    @Override
    public IBaseResource fetchCodeSystem(String system) {
        return definitions().fetchCodeSystem(unversioned(system));
    }

    @Override
    public IBaseResource fetchValueSet(String url) {
        return definitions().fetchValueSet(unversioned(url));
    }

    /**
     * {@code url|4.0.1} as {@code url}: guides (and SUSHI) pin core canonicals to the R4 version, which HAPI's
     * definitions are found without. Another version of a core definition is not here, and stays not found.
     */
    static String unversioned(String url) {
        if (url == null) return null;
        int pipe = url.indexOf('|');
        return pipe >= 0 && R4_VERSION.equals(url.substring(pipe + 1)) ? url.substring(0, pipe) : url;
    }

    @Override
    public FhirContext getFhirContext() {
        return engine.context();
    }

    @Override
    public String getName() {
        return engine.baseDefinitionsName();
    }

    /** Corrects R4's vital-signs profiles among {@code definitions} in place (see above); the others are left as they are. */
    static void correctVitalSigns(List<? extends IBaseResource> definitions) {
        for (IBaseResource resource : definitions) {
            if (resource instanceof StructureDefinition definition && isVitalSignsProfile(definition)) {
                synchronized (definition) {
                    definition.getSnapshot().getElement().forEach(R4BaseDefinitions::extensibleVitalSignsUnits);
                    definition.getDifferential().getElement().forEach(R4BaseDefinitions::extensibleVitalSignsUnits);
                }
            }
        }
    }

    private static boolean isVitalSignsProfile(StructureDefinition definition) {
        return definition.getUrl() != null && definition.getUrl().startsWith(BASE) && "Observation".equals(definition.getType())
                && (VITAL_SIGNS.equals(definition.getUrl()) || VITAL_SIGNS.equals(definition.getBaseDefinition()));
    }

    private static void extensibleVitalSignsUnits(ElementDefinition element) {
        if (COMPONENT_VALUE.equals(element.getPath()) && element.hasBinding()
                && VITAL_SIGNS_UNITS.equals(element.getBinding().getValueSet())) {
            element.getBinding().setStrength(BindingStrength.EXTENSIBLE);
        }
    }
}
