package jp.nexehrs.check;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.IValidationContext;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The assumptions about HAPI's and the FHIR core library's internals listed in tooling/HAPI-SEAMS.md, one test each
 * (S1..S8): after an upgrade, a failure here names the seam that broke and where we rely on it.
 */
class HapiSeamsTest {
    private static final String PATIENT = "http://hl7.org/fhir/StructureDefinition/Patient";
    private static FhirEngine engine;
    private static ConformanceSupport support;

    @BeforeAll
    static void start() {
        engine = new FhirEngine();
        support = new ConformanceSupport(engine);
    }

    private static String seam(String id, String assumption) {
        return "HAPI seam " + id + " (tooling/HAPI-SEAMS.md) no longer holds: " + assumption;
    }

    @Test
    void s1_theInstanceValidatorModuleCanBeSubclassed() throws Exception {
        Method validate = FhirInstanceValidator.class.getDeclaredMethod("validate", IValidationContext.class);
        String assumption = seam("S1", "FhirInstanceValidator.validate(IValidationContext) is protected and overridable;"
                + " ReusingInstanceValidatorModule overrides it");
        assertTrue(Modifier.isProtected(validate.getModifiers()) && !Modifier.isFinal(validate.getModifiers()), assumption);
        Method worker = FhirInstanceValidator.class.getDeclaredMethod("provideWorkerContext");
        assertFalse(Modifier.isPrivate(worker.getModifiers()), seam("S1", "FhirInstanceValidator.provideWorkerContext() is visible to a subclass"));
    }

    @Test
    void s2_validatorWrapperIsStillPackagePrivate() throws Exception {
        Class<?> wrapper;
        try {
            wrapper = Class.forName("org.hl7.fhir.common.hapi.validation.validator.ValidatorWrapper");
        } catch (ClassNotFoundException e) {
            fail(seam("S2", "HAPI's ValidatorWrapper exists and ReusingInstanceValidatorModule copies what it does; it is gone,"
                    + " so compare the module with how FhirInstanceValidator now validates"));
            return;
        }
        assertFalse(Modifier.isPublic(wrapper.getModifiers()), seam("S2", "ValidatorWrapper is package-private, so its set-up"
                + " is copied; it is public now: ReusingInstanceValidatorModule could use it instead of a copy"));
    }

    @Test
    void s3_theCoreValidatorsParsingStateIsReachable() throws Exception {
        Class<?> core = org.hl7.fhir.validation.instance.InstanceValidator.class;
        Field content = core.getField("validatedContent");
        assertEquals(List.class, content.getType(), seam("S3", "InstanceValidator.validatedContent is a public List of fragments"));
        Field tracker = findField(core, "timeTracker");
        assertNotNull(tracker, seam("S3", "InstanceValidator has a timeTracker field"));
        assertTrue(Modifier.isProtected(tracker.getModifiers()) || Modifier.isPublic(tracker.getModifiers()),
                seam("S3", "InstanceValidator.timeTracker is visible to a subclass"));
        Method validate = core.getMethod("validate", Object.class, List.class, java.io.InputStream.class,
                org.hl7.fhir.r5.elementmodel.Manager.FhirFormat.class, List.class);
        assertFalse(Modifier.isFinal(validate.getModifiers()), seam("S3", "InstanceValidator.validate(Object, List, InputStream,"
                + " FhirFormat, List<StructureDefinition>) is overridable; PooledValidator repeats its JSON path"));
    }

    @Test
    void s4_statusWarningsIsTheSetWeClear() {
        Field field = findField(org.hl7.fhir.validation.instance.InstanceValidator.class, "statusWarnings");
        String assumption = seam("S4", "the core validator's only state kept across resources that we must reset is the"
                + " protected Set statusWarnings (deprecated/retired content warned once per validator)");
        assertNotNull(field, assumption);
        assertTrue(Set.class.isAssignableFrom(field.getType()) && Modifier.isProtected(field.getModifiers()), assumption);
    }

    @Test
    void s2to4_aReusedValidatorSaysWhatAFreshOneSays() {
        FhirValidator fresh = ReusingInstanceValidatorModuleTest.validator(engine, new FhirInstanceValidator(support.chain()));
        FhirValidator reused = ReusingInstanceValidatorModuleTest.validator(engine, new ReusingInstanceValidatorModule(support.chain(), support.pins()));
        List<String> resources = List.of(
                "{\"resourceType\":\"Patient\",\"gender\":\"x\",\"birthDate\":\"2020-13-01\",\"unknown\":1}",
                "{\"resourceType\":\"Patient\",\"meta\":{\"profile\":[\"http://example.org/none\"]},\"active\":true}",
                "<Patient xmlns=\"http://hl7.org/fhir\"><gender value=\"x\"/></Patient>",
                "{\"resourceType\":\"Observation\",\"status\":\"final\"}");
        for (int round = 0; round < 2; round++) {
            for (String resource : resources) {
                List<String> expected = ReusingInstanceValidatorModuleTest.messagesOf(fresh, resource);
                assertFalse(expected.isEmpty(), resource);
                assertEquals(expected, ReusingInstanceValidatorModuleTest.messagesOf(reused, resource), seam("S2-S4", "a core validator reused from resource to resource,"
                        + " set up as HAPI's package-private ValidatorWrapper sets one up, says what a fresh one says (round " + round + ")"));
            }
        }
    }

    @Test
    void s5_theR5FormIsCachedInTheR4ObjectAndNotCopied() throws Exception {
        Field key = findField(WorkerContextValidationSupportAdapter.class, "TO_CANONICAL_USERDATA_KEY");
        assertNotNull(key, seam("S5", "WorkerContextValidationSupportAdapter caches each R4 resource's R5 form in the R4 object's"
                + " user data under TO_CANONICAL_USERDATA_KEY"));
        key.setAccessible(true);
        String userDataKey = (String) key.get(null);
        WorkerContextValidationSupportAdapter worker = WorkerContextValidationSupportAdapter.newVersionSpecificWorkerContextWrapper(support.chain());
        var first = worker.fetchResource(org.hl7.fhir.r5.model.StructureDefinition.class, PATIENT);
        var second = worker.fetchResource(org.hl7.fhir.r5.model.StructureDefinition.class, PATIENT);
        assertSame(first, second, seam("S5", "the worker context gives the same R5 object for the same R4 object (identity),"
                + " which is why ResourcePins keeps what a validator fetched"));
        StructureDefinition r4 = (StructureDefinition) support.chain().fetchStructureDefinition(PATIENT);
        assertNotNull(r4.getUserData(userDataKey), seam("S5", "the R5 form is kept in the R4 object's user data"));
        assertNull(r4.copy().getUserData(userDataKey), seam("S5", "R4's copy() leaves user data behind, so PrivateDefinitions'"
                + " copies do not share a cached R5 form"));
    }

    @Test
    void s6_structureDefinitionLookUpsGoThroughTheOverride() throws Exception {
        Method fetch = ValidationSupportChain.class.getMethod("fetchStructureDefinition", String.class);
        assertFalse(Modifier.isFinal(fetch.getModifiers()), seam("S6", "ValidationSupportChain.fetchStructureDefinition is"
                + " overridable; UncachedDefinitionsChain looks definitions up afresh there"));
        IBaseResource byUrl = support.chain().fetchStructureDefinition(PATIENT);
        IBaseResource byType = support.chain().fetchResource(StructureDefinition.class, PATIENT);
        assertSame(byUrl, byType, seam("S6", "fetchResource(StructureDefinition.class, url) answers what fetchStructureDefinition(url) does"));
        assertNotNull(byUrl, "FHIR R4's Patient definition");
    }

    @Test
    void s8_hapiMessagesStartWithTheirCode() {
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> engine.jsonParser().parseResource("{\"resourceType\":\"NoSuchType\"}"));
        assertTrue(e.getMessage().matches("(?s)^HAPI-\\d+: .*"), seam("S8", "HAPI's messages start with 'HAPI-<n>: ', which"
                + " ResourceReader, SnapshotGenerator, DependencyConformance and InstanceValidator strip: " + e.getMessage()));
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) if (field.getName().equals(name)) return field;
        }
        return null;
    }
}
