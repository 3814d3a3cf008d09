package jp.nexehrs.fhir;

import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.TypeDerivationRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R4's definitions as the validator is given them: every type listed, profiles and extensions found by URL. */
class R4BaseDefinitionsTest {
    private static final String BASE = "http://hl7.org/fhir/StructureDefinition/";
    private final R4BaseDefinitions definitions = new R4BaseDefinitions(new FhirEngine());

    @Test
    void everyTypeIsListedAndNoProfileOrExtension() {
        List<StructureDefinition> listed = definitions.fetchAllStructureDefinitions();
        Set<String> urls = listed.stream().map(StructureDefinition::getUrl).collect(Collectors.toSet());
        assertTrue(listed.stream().noneMatch(d -> d.getDerivation() == TypeDerivationRule.CONSTRAINT), "no constraint listed");
        for (String type : List.of("Element", "Resource", "DomainResource", "Patient", "Observation", "Extension", "string", "Quantity")) {
            assertTrue(urls.contains(BASE + type), type + " is listed");
        }
        // 210 of R4's 649 definitions; the other 439 are profiles and extensions.
        assertTrue(listed.size() > 200 && listed.size() < 260, "type definitions only: " + listed.size());
    }

    @Test
    void aCoreProfileAndACoreExtensionAreStillFoundByUrlWithTheVitalSignsCorrection() {
        StructureDefinition heartRate = (StructureDefinition) definitions.fetchStructureDefinition(BASE + "heartrate|4.0.1");
        assertNotNull(heartRate);
        assertEquals(TypeDerivationRule.CONSTRAINT, heartRate.getDerivation());
        ElementDefinition componentValue = heartRate.getSnapshot().getElement().stream()
                .filter(e -> e.getPath().equals("Observation.component.value[x]") && e.hasBinding()).findFirst().orElseThrow();
        assertEquals(BindingStrength.EXTENSIBLE, componentValue.getBinding().getStrength(), "as the HL7 validator reads it");
        assertNotNull(definitions.fetchStructureDefinition(BASE + "patient-birthPlace"));
    }

    @Test
    void everyConformanceResourceIsListedEvenBeforeTheValueSetsWereReadInTheBackground() {
        // The engine's thread reads the value sets after the structure definitions: asked at once, the list waits for them.
        List<?> all = new R4BaseDefinitions(new FhirEngine()).fetchAllConformanceResources();
        assertTrue(all.stream().anyMatch(org.hl7.fhir.r4.model.ValueSet.class::isInstance), "R4's value sets");
        assertTrue(all.stream().anyMatch(org.hl7.fhir.r4.model.CodeSystem.class::isInstance), "R4's code systems");
        assertTrue(all.stream().anyMatch(StructureDefinition.class::isInstance), "R4's structure definitions");
    }
}
