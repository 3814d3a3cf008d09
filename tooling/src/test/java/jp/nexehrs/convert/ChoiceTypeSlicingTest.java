package jp.nexehrs.convert;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.testing.TestProjects;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A differential that slices a choice element by type without constraining the choice element itself
 * ({@code rate[x]} into rateRatio, rateRange, rateQuantity): the snapshot keeps every type of the base on the choice
 * element, as the HL7 generator set up as the IG Publisher does, and each slice gets its own type. HAPI's default
 * set-up narrowed the choice element to the first slice's type. Fixture: {@code projects/choice-slices}.
 */
class ChoiceTypeSlicingTest {
    private static final String BASE = "http://example.org/fhir/StructureDefinition/";
    @TempDir
    static Path dir;
    private static Converted converted;

    @BeforeAll
    static void convert() throws Exception {
        converted = TestProjects.convertResources(CorpusFixtures.copyProject("choice-slices", dir));
        assertEquals(List.of(), converted.findings(), describe(converted.findings()));
    }

    @Test
    void aChoiceSlicedByTypeKeepsAllTheBaseTypes() {
        StructureDefinition sliced = snapshotOf("sliced-dosage");
        assertKeepsAllTheBaseTypes(sliced);
    }

    @Test
    void typeSlicesWrittenInTheShortFormKeepAllTheBaseTypesToo() {
        StructureDefinition shortForm = snapshotOf("short-form-dosage");
        assertKeepsAllTheBaseTypes(shortForm);
        assertEquals(List.of("Ratio"), types(element(shortForm, "Dosage.doseAndRate.rate[x]:rateRatio")));
        assertEquals(1, element(shortForm, "Dosage.doseAndRate.rate[x]:rateQuantity.unit").getMin());
        assertEquals(1, shortForm.getSnapshot().getElement().stream().filter(e -> e.getId().equals("Dosage.doseAndRate.rate[x]")).count(),
                "the sliced choice element once");
    }

    @Test
    void aShortFormNamingATypeSliceOfTheBaseConstrainsThatSliceAndKeepsAllTheTypes() {
        StructureDefinition derived = snapshotOf("derived-short-form-dosage");
        assertKeepsAllTheBaseTypes(derived);
        assertEquals(1, element(derived, "Dosage.timing.repeat.bounds[x]:boundsDuration.code").getMin());
        assertTrue(element(derived, "Dosage.doseAndRate.rate[x]:rateQuantity").getMustSupport());
        assertEquals(1, element(derived, "Dosage.doseAndRate.rate[x]:rateQuantity.value").getMin());
    }

    @Test
    void eachTypeSliceHasItsOwnTypeAndProfile() {
        StructureDefinition sliced = snapshotOf("sliced-dosage");
        assertEquals(List.of("Ratio"), types(element(sliced, "Dosage.doseAndRate.rate[x]:rateRatio")));
        assertEquals(List.of("Range"), types(element(sliced, "Dosage.doseAndRate.rate[x]:rateRange")));
        ElementDefinition quantity = element(sliced, "Dosage.doseAndRate.rate[x]:rateQuantity");
        assertEquals(List.of("Quantity"), types(quantity));
        assertEquals("http://hl7.org/fhir/StructureDefinition/SimpleQuantity", quantity.getTypeFirstRep().getProfile().get(0).getValue());
        assertEquals(List.of("Duration"), types(element(sliced, "Dosage.timing.repeat.bounds[x]:boundsDuration")));
    }

    @Test
    void aDerivedProfileKeepsTheBaseTypesAndConstrainsTheSlicesChildren() {
        StructureDefinition derived = snapshotOf("derived-dosage");
        assertKeepsAllTheBaseTypes(derived);
        assertEquals(1, element(derived, "Dosage.timing.repeat.bounds[x]:boundsDuration.code").getMin());
        assertEquals(1, element(derived, "Dosage.doseAndRate.rate[x]:rateQuantity.value").getMin());
    }

    @Test
    void childrenOfAnExtensionsValueAndOfATypeSliceAreInTheSnapshot() {
        StructureDefinition sliced = snapshotOf("sliced-dosage");
        assertEquals(1, element(sliced, "Dosage.extension:periodOfUse.value[x].start").getMin());
        assertEquals(1, element(sliced, "Dosage.timing.repeat.bounds[x]:boundsDuration.value").getMin());
        assertEquals(1, element(sliced, "Dosage.doseAndRate.rate[x]:rateQuantity.unit").getMin());
    }

    /** The sliced choice elements offer every type the base does, in the base's order. */
    private static void assertKeepsAllTheBaseTypes(StructureDefinition definition) {
        assertEquals(List.of("Ratio", "Range", "Quantity"), types(element(definition, "Dosage.doseAndRate.rate[x]")), definition.getUrl());
        assertEquals(List.of("Duration", "Range", "Period"), types(element(definition, "Dosage.timing.repeat.bounds[x]")), definition.getUrl());
    }

    private static StructureDefinition snapshotOf(String id) {
        StructureDefinition definition = (StructureDefinition) converted.support().fetchStructureDefinition(BASE + id);
        assertTrue(definition != null && definition.hasSnapshot(), id + " has no snapshot");
        return definition;
    }

    private static ElementDefinition element(StructureDefinition definition, String id) {
        return definition.getSnapshot().getElement().stream().filter(e -> id.equals(e.getId())).findFirst()
                .orElseThrow(() -> new AssertionError(definition.getUrl() + " has no element " + id));
    }

    private static List<String> types(ElementDefinition element) {
        return element.getType().stream().map(ElementDefinition.TypeRefComponent::getCode).toList();
    }
}
