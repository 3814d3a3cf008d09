package jp.nexehrs.load;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

class SharedStringsTest {
    private static final FhirContext CONTEXT = FhirContext.forR4Cached();

    @Test
    void equalValuesOfTwoProfilesBecomeOneStringAndKeepTheirMeaning() {
        StructureDefinition first = parse("a");
        StructureDefinition second = parse("b");
        assertNotSame(definition(first), definition(second), "the parser made two strings");

        SharedStrings strings = new SharedStrings();
        strings.share(first);
        strings.share(second);

        assertSame(definition(first), definition(second));
        assertEquals("患者の氏名。漢字とカナで記録する。", definition(second));
        assertEquals("http://example.jp/StructureDefinition/b", second.getUrl(), "unequal values stay as they were");
        assertEquals("b", second.getIdElement().getIdPart());
        ElementDefinition name = second.getSnapshot().getElementFirstRep();
        assertFalse(name.hasComment(), "an absent value is not created");
    }

    private static String definition(StructureDefinition profile) {
        return profile.getSnapshot().getElementFirstRep().getDefinition();
    }

    private static StructureDefinition parse(String id) {
        return CONTEXT.newJsonParser().parseResource(StructureDefinition.class, """
                {"resourceType": "StructureDefinition", "id": "%s", "url": "http://example.jp/StructureDefinition/%s",
                 "name": "P", "status": "draft", "kind": "resource", "abstract": false, "type": "Patient",
                 "snapshot": {"element": [{"id": "Patient.name", "path": "Patient.name", "definition": "患者の氏名。漢字とカナで記録する。"}]}}
                """.formatted(id, id));
    }
}
