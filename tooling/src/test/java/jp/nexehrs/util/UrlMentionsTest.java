package jp.nexehrs.util;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UrlMentionsTest {
    @Test
    void findsCanonicalsInJsonWithoutVersionOrFragment() {
        String json = """
                {"baseDefinition": "http://nexehrs.jp/fhir/StructureDefinition/nexehrs-patient",
                 "type": [{"code": "Extension", "profile": ["http://nexehrs.jp/fhir/StructureDefinition/consent-scope|0.9.0"]}],
                 "binding": {"valueSet": "https://nexehrs.jp/fhir/ValueSet/refusal#vs"}}
                """;
        assertEquals(List.of("http://nexehrs.jp/fhir/StructureDefinition/nexehrs-patient",
                "http://nexehrs.jp/fhir/StructureDefinition/consent-scope", "https://nexehrs.jp/fhir/ValueSet/refusal"),
                List.copyOf(UrlMentions.in(json)));
    }

    @Test
    void findsThemInXmlAttributesAndInProseOnce() {
        String xml = """
                <baseDefinition value="http://example.jp/StructureDefinition/a"/>
                <description value="a から派生 (http://example.jp/StructureDefinition/a)。See http://example.jp/StructureDefinition/b."/>
                """;
        assertEquals(List.of("http://example.jp/StructureDefinition/a", "http://example.jp/StructureDefinition/b"),
                List.copyOf(UrlMentions.in(xml)));
    }

    @Test
    void aLongerUrlDoesNotMentionItsPrefix() {
        assertEquals(List.of("http://example.jp/StructureDefinition/ab"), List.copyOf(UrlMentions.in("\"http://example.jp/StructureDefinition/ab\"")));
    }
}
