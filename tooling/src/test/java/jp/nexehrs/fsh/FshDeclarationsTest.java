package jp.nexehrs.fsh;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index of FSH declarations: names, ids and lines, and the rule that sets a FHIRPath. */
class FshDeclarationsTest {
    private static final String PROFILES = """
            // 患者のプロファイル
            Alias: $jp = http://example.org/fhir
            Profile: JpPatient
            Parent: Patient
            Id: jp-patient
            Title: "日本の患者 // コメントではない"
            Description: \"\"\"
            Profile: NotADeclaration
            複数行の説明。
            \"\"\"
            * name 1..* MS
            * name ^short = "氏名"
            /*
            Extension: AlsoNotADeclaration
            */
            * identifier[local].system = "urn:oid:1.2.392" // 施設の番号

            RuleSet: Common
            * status = #active

            ValueSet: JpGender
            * http://hl7.org/fhir/administrative-gender#male
            """;
    private static final String EXAMPLES = """
            Instance: Taro
            InstanceOf: JpPatient
            * name
              * text = "山田 太郎"
              * family = "山田"
            * gender = #male
            * contact[0].name.text = "山田 花子"
            """;

    private final FshDeclarations index = FshDeclarations.of(List.of(
            new FshDeclarations.Source("fsh/profiles.fsh", PROFILES), new FshDeclarations.Source("fsh/examples.fsh", EXAMPLES)));

    @Test
    void declarationsAreFoundWithTheirIdsAndLinesAndNothingInsideStringsOrComments() {
        assertEquals(List.of("Profile JpPatient jp-patient fsh/profiles.fsh:3", "ValueSet JpGender JpGender fsh/profiles.fsh:21",
                        "Instance Taro Taro fsh/examples.fsh:1"),
                index.all().stream().map(d -> d.kind() + " " + d.name() + " " + d.id() + " " + d.file() + ":" + d.line()).toList());
        assertEquals("JpPatient", index.all().get(2).instanceOf());
    }

    @Test
    void aGeneratedResourceFindsItsDeclarationByTypeAndId() {
        assertEquals("JpPatient", index.of("StructureDefinition", "jp-patient").orElseThrow().name());
        assertEquals("JpGender", index.of("ValueSet", "JpGender").orElseThrow().name());
        assertEquals("Taro", index.of("Patient", "Taro").orElseThrow().name());
        assertTrue(index.of("CodeSystem", "jp-patient").isEmpty(), "a profile's id is not a code system's");
    }

    @Test
    void aFhirPathIsPlacedOnTheRuleThatSetsIt() {
        FshDeclaration taro = index.of("Patient", "Taro").orElseThrow();
        assertEquals(4, taro.lineOf("Patient.name[0].text"), "an indented rule joins its parent's path");
        assertEquals(5, taro.lineOf("Patient.name[0].family"));
        assertEquals(6, taro.lineOf("Patient.gender"));
        assertEquals(7, taro.lineOf("Patient.contact[0].name.text"));
        assertEquals(7, taro.lineOf("Patient.contact[0].name.text.extension[0]"), "below a rule's path: that rule");
        assertEquals(3, taro.lineOf("Patient.name[0].given[0]"), "the nearest rule above it in the path");
        assertEquals(1, taro.lineOf("Patient.birthDate"), "no rule sets it: the declaration");
        assertEquals(1, taro.lineOf("Patient"));
        assertEquals(1, taro.lineOf(""));

        FshDeclaration profile = index.of("StructureDefinition", "jp-patient").orElseThrow();
        assertEquals(16, profile.lineOf("StructureDefinition.identifier.system"), "slices are set aside; the comment too");
        assertEquals(11, profile.lineOf("name"));
    }
}
