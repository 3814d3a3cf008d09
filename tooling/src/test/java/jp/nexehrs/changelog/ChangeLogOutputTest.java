package jp.nexehrs.changelog;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.load.DocumentSource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a change log reaches people and tools (text with each change's rule, JSON), and how a version's content is
 * outlined from converted documents and saved next to a cached release.
 */
class ChangeLogOutputTest {
    private static final String URL = "http://example.jp/fhir/StructureDefinition/p";

    private static final ChangeLog LOG = new ChangeLog("1.0.0", "1.1.0", List.of(
            new Change(ChangeKind.MIN_RAISED, URL, "Patient.name", "0..*", "1..*"),
            new Change(ChangeKind.PROFILE_ADDED, URL, "", "", "P"),
            new Change(ChangeKind.SECTION_CHANGED, "01-a", "s1", "", "")));

    @Test
    void textSaysHowManyBreakAndGivesEachChangeWithItsRule() {
        assertEquals("""
                Changes from 1.0.0 to 1.1.0: 1 breaking, 2 not breaking
                BREAKING  min-raised  http://example.jp/fhir/StructureDefinition/p  Patient.name  0..* -> 1..*
                          rule: %s
                ok        profile-added  http://example.jp/fhir/StructureDefinition/p  - -> P
                          rule: %s
                ok        section-changed  01-a  s1
                          rule: %s
                """.formatted(ChangeKind.MIN_RAISED.rule(), ChangeKind.PROFILE_ADDED.rule(), ChangeKind.SECTION_CHANGED.rule()),
                ChangeLogFormat.text(LOG));
    }

    @Test
    void textOfAFirstVersionSaysItComesFromNothing() {
        String text = ChangeLogFormat.text(new ChangeLog("", "1.0.0", List.of(
                new Change(ChangeKind.PROFILE_REMOVED, URL, "", "P", ""))));
        assertTrue(text.startsWith("Changes from (nothing) to 1.0.0: 1 breaking, 0 not breaking\n"), text);
        assertTrue(text.contains("  P -> -\n"), text);
    }

    @Test
    void jsonGivesCountsAndEveryFieldOfEachChange() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ChangeLogFormat.json(LOG));
        assertEquals("1.0.0", root.get("from").asText());
        assertEquals("1.1.0", root.get("to").asText());
        assertEquals(1, root.get("breaking").asInt());
        assertEquals(2, root.get("nonBreaking").asInt());
        JsonNode first = root.get("changes").get(0);
        assertEquals("MIN_RAISED", first.get("kind").asText());
        assertTrue(first.get("breaking").asBoolean());
        assertEquals(URL, first.get("subject").asText());
        assertEquals("Patient.name", first.get("path").asText());
        assertEquals("0..*", first.get("before").asText());
        assertEquals("1..*", first.get("after").asText());
        assertEquals(ChangeKind.MIN_RAISED.rule(), first.get("rule").asText());
        assertEquals(3, root.get("changes").size());
    }

    @Test
    void everyKindHasAJapaneseLabelAndARuleThatSaysWhetherItBreaks() {
        for (ChangeKind kind : ChangeKind.values()) {
            assertTrue(!kind.label().isBlank() && !kind.rule().isBlank(), kind.name());
        }
        assertEquals(java.util.EnumSet.of(ChangeKind.PROFILE_REMOVED, ChangeKind.ELEMENT_REMOVED, ChangeKind.MIN_RAISED,
                        ChangeKind.MAX_LOWERED, ChangeKind.TYPE_REMOVED, ChangeKind.BINDING_STRENGTH_RAISED,
                        ChangeKind.BINDING_VALUE_SET_CHANGED, ChangeKind.MUST_SUPPORT_ADDED, ChangeKind.FIXED_OR_PATTERN_ADDED,
                        ChangeKind.FIXED_OR_PATTERN_CHANGED, ChangeKind.CONSTRAINT_ADDED, ChangeKind.CONSTRAINT_CHANGED),
                java.util.Arrays.stream(ChangeKind.values()).filter(ChangeKind::breaking)
                        .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(ChangeKind.class))),
                "the breaking kinds the README lists, and no others");
        assertEquals("下限の引き上げ", ChangeKind.MIN_RAISED.label());
    }

    @Test
    void anOutlineHasEachHeadingWithAHashOfItsTextUpToTheNextHeading() {
        String html = "<p>前文</p><h2 id=\"_a\">A</h2><p>一</p><h3 id=\"_b\">B</h3><p>二</p><h2 id=\"_c\">C</h2><p>三</p>";
        DocumentOutline outline = VersionContent.outline(document(html, List.of(
                new ConvertedDocument.Heading("_a", "A", 2), new ConvertedDocument.Heading("_b", "B", 3),
                new ConvertedDocument.Heading("_c", "C", 2), new ConvertedDocument.Heading("_none", "無", 2))));
        assertEquals("01-a", outline.id());
        assertEquals("総論", outline.title());
        assertEquals(List.of("_a", "_b", "_c", "_none"), outline.sections().stream().map(DocumentOutline.Section::id).toList());
        DocumentOutline.Section a = outline.sections().get(0);
        assertEquals("A", a.title());
        assertEquals(64, a.contentHash().length());
        assertEquals("", outline.sections().get(3).contentHash(), "a heading missing from the HTML has no hash");

        String changedB = html.replace("<p>二</p>", "<p>二、改</p>");
        DocumentOutline changed = VersionContent.outline(document(changedB, List.of(
                new ConvertedDocument.Heading("_a", "A", 2), new ConvertedDocument.Heading("_b", "B", 3),
                new ConvertedDocument.Heading("_c", "C", 2))));
        assertEquals(a.contentHash(), changed.sections().get(0).contentHash(), "A ends where B starts");
        assertNotEquals(outline.sections().get(1).contentHash(), changed.sections().get(1).contentHash());
        assertEquals(outline.sections().get(2).contentHash(), changed.sections().get(2).contentHash(), "the last runs to the end");
    }

    @Test
    void contentWrittenNextToAReleaseReadsBackTheSame(@TempDir Path dir) throws Exception {
        FhirContext context = FhirContext.forR4Cached();
        StructureDefinition profile = new StructureDefinition();
        profile.setId("p");
        profile.setUrl(URL);
        profile.setName("P");
        element(profile, "Patient", "Patient").setMin(0).setMax("*");
        DocumentOutline outline = new DocumentOutline("01-a", "総論", List.of(new DocumentOutline.Section("_a", "目的", "abc")));
        new VersionContent(List.of(profile), List.of(outline)).write(dir, context);
        assertTrue(Files.isRegularFile(dir.resolve("profiles/StructureDefinition-p.json")));

        VersionContent read = VersionContent.read(dir, context);
        assertEquals(List.of(outline), read.documents());
        assertEquals(1, read.profiles().size());
        assertEquals(URL, read.profiles().get(0).getUrl());
        ChangeLog none = new ChangeLogBuilder().compare("a", read, "b", new VersionContent(List.of(profile), List.of(outline)));
        assertEquals(List.of(), none.changes(), "what was saved compares equal to what was built");
    }

    @Test
    void contentWithoutProfilesReadsBackWithoutThem(@TempDir Path dir) throws Exception {
        FhirContext context = FhirContext.forR4Cached();
        new VersionContent(List.of(), List.of()).write(dir, context);
        Files.delete(dir.resolve("profiles"));
        VersionContent read = VersionContent.read(dir, context);
        assertEquals(List.of(), read.profiles());
        assertEquals(List.of(), read.documents());
    }

    private static ConvertedDocument document(String html, List<ConvertedDocument.Heading> headings) {
        DocumentSource source = new DocumentSource("spec/01-a.adoc", Path.of("spec/01-a.adoc"), "01-a.html", "");
        return new ConvertedDocument(source, "総論", html, new ConvertedDocument.Header("0.1.0", "draft", "WG", ""), headings, List.of());
    }

    /** A new snapshot element with its id and path (setId returns the base type, so it cannot be chained). */
    private static ElementDefinition element(StructureDefinition profile, String id, String path) {
        ElementDefinition element = profile.getSnapshot().addElement();
        element.setId(id);
        return element.setPath(path);
    }
}
