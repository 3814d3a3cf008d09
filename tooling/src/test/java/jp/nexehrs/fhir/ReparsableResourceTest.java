package jp.nexehrs.fhir;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Resources that memory may let go: parsed again, equal, when the collector took them; never while they are among
 * the recently used or a user pinned them. Runs with {@code -XX:SoftRefLRUPolicyMSPerMB=0} (the build's surefire setting and the launcher's), under
 * which a full collection clears every soft reference that nothing else holds.
 */
class ReparsableResourceTest {
    private static final FhirEngine ENGINE = new FhirEngine();
    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p\",\"name\":[{\"text\":\"山田 太郎\"}]}";

    @BeforeAll
    static void softReferencesAreClearedAtEachCollection() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        assumeTrue("0".equals(vm.getVMOption("SoftRefLRUPolicyMSPerMB").getValue()),
                "needs -XX:SoftRefLRUPolicyMSPerMB=0, as tooling/pom.xml sets for the tests");
    }

    @Test
    void aResourceTheCollectorTookIsParsedAgainFromItsText() {
        AtomicInteger parses = new AtomicInteger();
        RecentlyUsed recent = new RecentlyUsed(1);
        ReparsableResource resource = ReparsableResource.of(parse(parses), () -> parse(parses), recent);
        WeakReference<IBaseResource> first = new WeakReference<>(resource.get());
        assertEquals(1, parses.get(), "the first get() gives the resource it was made with");

        System.gc();
        assertSame(first.get(), resource.get(), "used last: kept");
        ReparsableResource.of(parse(new AtomicInteger()), () -> null, recent).get();
        collectUntilCleared(first);
        IBaseResource again = resource.get();
        assertEquals(2, parses.get());
        assertEquals("山田 太郎", ((Patient) again).getNameFirstRep().getText());
        assertSame(again, resource.get(), "kept while in use");
        assertEquals(2, parses.get());
    }

    @Test
    void aHeldResourceIsNeverLetGo() {
        WeakReference<IBaseResource> held = new WeakReference<>(parse(new AtomicInteger()));
        ReparsableResource resource = ReparsableResource.held(held.get());
        System.gc();
        assertNotNull(held.get(), "held: not let go");
        assertSame(held.get(), resource.get());
        assertNull(ReparsableResource.held(null).get());
    }

    @Test
    void whatAUserPinnedStaysTheSameObjectAfterACollection() {
        ConformanceSupport support = new ConformanceSupport(ENGINE);
        String url = "http://example.org/fhir/StructureDefinition/pinned";
        String text = "{\"resourceType\":\"StructureDefinition\",\"id\":\"pinned\",\"url\":\"" + url + "\",\"name\":\"Pinned\","
                + "\"status\":\"draft\",\"kind\":\"resource\",\"abstract\":false,\"type\":\"Patient\","
                + "\"baseDefinition\":\"http://hl7.org/fhir/StructureDefinition/Patient\",\"derivation\":\"constraint\"}";
        RecentlyUsed recent = new RecentlyUsed(1);
        support.add(ReparsableResource.of(ENGINE.jsonParser().parseResource(text), () -> ENGINE.jsonParser().parseResource(text), recent));

        Set<IBaseResource> pins = ResourcePins.newSet();
        WeakReference<IBaseResource> fetched = new WeakReference<>(
                support.pins().during(pins, () -> support.chain().fetchStructureDefinition(url)));
        assertTrue(pins.contains(fetched.get()));
        Runnable useAnother = () -> ReparsableResource.of(ENGINE.jsonParser().parseResource(PATIENT), () -> null, recent).get();
        useAnother.run(); // the profile is no longer the last used: only the pin holds it
        for (int i = 0; i < 3; i++) System.gc();
        assertNotNull(fetched.get(), "pinned: not let go");
        assertSame(fetched.get(), support.chain().fetchStructureDefinition(url), "pinned: the same object, not a new parse");

        pins.clear();
        useAnother.run();
        collectUntilCleared(fetched);
        IBaseResource parsedAgain = support.chain().fetchStructureDefinition(url);
        assertNotNull(parsedAgain);
        assertEquals(url, ((org.hl7.fhir.r4.model.StructureDefinition) parsedAgain).getUrl());
    }

    private static IBaseResource parse(AtomicInteger parses) {
        parses.incrementAndGet();
        return ENGINE.jsonParser().parseResource(PATIENT);
    }

    /** A few full collections: one is enough with the policy above, but the collector may defer. */
    private static void collectUntilCleared(WeakReference<?> reference) {
        for (int i = 0; i < 10 && reference.get() != null; i++) System.gc();
        assertNull(reference.get(), "the collector did not let the resource go");
    }
}
