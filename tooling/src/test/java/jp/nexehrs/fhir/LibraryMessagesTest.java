package jp.nexehrs.fhir;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The validator's messages as the real guides showed them, in words an editor can act on. */
class LibraryMessagesTest {
    @Test
    void aJavaObjectsTextAndTheHapiCodeAreRemoved() {
        String raw = "HAPI-2646: Unable to expand ValueSet: cannot apply filters "
                + "'[org.hl7.fhir.r5.model.ValueSet$ConceptSetFilterComponent@241737c1]' to http://example.org/cs";
        assertEquals("Unable to expand ValueSet: cannot apply its filters to http://example.org/cs", LibraryMessages.clean(raw));
    }

    @Test
    void aDatatypesJavaTextIsItsValue() {
        String raw = "Slicing cannot be evaluated: Problem with use of resolve() - profile [CanonicalType[http://example.org/x|4.0.1]] on Patient.extension:religion could not be resolved";
        assertEquals("Slicing cannot be evaluated: Problem with use of resolve() - profile http://example.org/x|4.0.1 on Patient.extension:religion could not be resolved",
                LibraryMessages.clean(raw));
    }

    @Test
    void nullVersionsAndNullDetailsAreRemoved() {
        String raw = "The code cannot be checked because codeSystem 'http://snomed.info/sct' version 'null' is not supported (null)";
        assertEquals("The code cannot be checked because codeSystem 'http://snomed.info/sct' is not supported", LibraryMessages.clean(raw));
    }

    @Test
    void aJavaExceptionsTextIsAnInternalFailureNamingTheElement() {
        String raw = "Error Cannot invoke \"org.hl7.fhir.r5.model.CodeSystem.getConcept()\" because \"this.codeSystem\" is null validating CodeableConcept";
        assertTrue(LibraryMessages.isInternalFailure(raw));
        String shown = LibraryMessages.internalFailure("Observation.code");
        assertTrue(shown.contains("Observation.code"), shown);
        assertFalse(shown.matches(".*(null|org\\.hl7|Exception).*"), shown);
    }

    @Test
    void anExceptionWithoutAMessageOrWithAJavaTextSaysTheLibraryFailed() {
        assertEquals("the FHIR library failed internally", LibraryMessages.of(new NullPointerException()));
        assertEquals("the FHIR library failed internally", LibraryMessages.of(new IllegalStateException("Cannot invoke \"x.y()\" because \"z\" is null")));
        assertEquals("Unknown type Foo", LibraryMessages.of(new IllegalArgumentException("HAPI-0001: Unknown type Foo")));
    }

    @Test
    void ordinaryMessagesAreLeftAlone() {
        String raw = "Patient.name: minimum required = 1, but only found 0 (from http://example.org/fhir/StructureDefinition/p|1.0.0)";
        assertFalse(LibraryMessages.isInternalFailure(raw));
        assertEquals(raw, LibraryMessages.clean(raw));
    }
}
