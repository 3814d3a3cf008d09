package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookup keys as HAPI's PrePopulatedValidationSupport makes them, and the list the validator keeps for its life. */
class OnDemandConformanceTest {
    private static final FhirEngine ENGINE = new FhirEngine();
    private static final String BASE = "http://example.org/fhir/StructureDefinition/";

    private final OnDemandConformance support = new OnDemandConformance(ENGINE.context(), "test", new ResourcePins());

    @Test
    void aResourceIsFoundByUrlWithOrWithoutItsVersionAndByItsLastSegments() {
        StructureDefinition profile = definition("jp-patient", StructureDefinition.TypeDerivationRule.CONSTRAINT);
        profile.setVersion("1.0.0");
        add(profile);

        for (String key : List.of(BASE + "jp-patient", BASE + "jp-patient|1.0.0", "jp-patient", "StructureDefinition/jp-patient")) {
            assertSame(profile, support.fetchStructureDefinition(key), key);
        }
        assertNull(support.fetchStructureDefinition(BASE + "jp-patient|2.0.0"));
        assertNull(support.fetchValueSet(BASE + "jp-patient"), "looked up by type");
    }

    @Test
    void onlyTypeDefinitionsAreListedForTheValidatorsWholeLife() {
        add(definition("jp-patient", StructureDefinition.TypeDerivationRule.CONSTRAINT));
        StructureDefinition model = definition("care-record", StructureDefinition.TypeDerivationRule.SPECIALIZATION);
        model.setKind(StructureDefinition.StructureDefinitionKind.LOGICAL);
        add(model);

        List<IBaseResource> listed = support.fetchAllStructureDefinitions();
        assertEquals(List.of(model), listed);
        assertEquals(2, support.fetchAllConformanceResources().size(), "everything is still there by URL");
    }

    @Test
    void addingUnderTheSameUrlReplaces() {
        add(definition("care-record", StructureDefinition.TypeDerivationRule.SPECIALIZATION));
        StructureDefinition replaced = definition("care-record", StructureDefinition.TypeDerivationRule.CONSTRAINT);
        add(replaced);

        assertSame(replaced, support.fetchStructureDefinition(BASE + "care-record"));
        assertTrue(support.fetchAllStructureDefinitions().isEmpty(), "no longer a type definition");
        assertEquals(1, support.fetchAllConformanceResources().size());
    }

    @Test
    void valueSetsAreSupportedByTheirUrl() {
        ValueSet valueSet = new ValueSet().setUrl("http://example.org/fhir/ValueSet/colours").setStatus(Enumerations.PublicationStatus.DRAFT);
        add(valueSet);
        assertTrue(support.isValueSetSupported(null, "http://example.org/fhir/ValueSet/colours"));
        assertFalse(support.isValueSetSupported(null, "http://example.org/fhir/ValueSet/shapes"));
        assertSame(valueSet, support.fetchValueSet("http://example.org/fhir/ValueSet/colours"));
    }

    private void add(IBaseResource resource) {
        support.add(resource, ReparsableResource.held(resource));
    }

    private static StructureDefinition definition(String id, StructureDefinition.TypeDerivationRule derivation) {
        StructureDefinition definition = new StructureDefinition();
        definition.setId(id);
        definition.setUrl(BASE + id);
        definition.setName(id);
        definition.setType("Patient");
        definition.setDerivation(derivation);
        return definition;
    }
}
