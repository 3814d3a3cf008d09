package jp.nexehrs.changelog;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each breaking rule of ChangeKind applied to a pair of small snapshots: the change is found, with its kind (and
 * so whether it breaks implementers), subject, element and before/after values; loosening is found as not
 * breaking; and an unchanged element gives nothing.
 */
class ChangeLogBuilderTest {
    private static final String URL = "http://example.jp/fhir/StructureDefinition/p";
    private static final String ELEMENT = "Patient.identifier";

    private final ChangeLogBuilder builder = new ChangeLogBuilder();

    /** A profile whose snapshot is Patient and Patient.identifier (0..*, Identifier), with {@code edit} applied to the latter. */
    private static StructureDefinition profile(Consumer<ElementDefinition> edit) {
        StructureDefinition profile = new StructureDefinition();
        profile.setUrl(URL);
        profile.setName("P");
        element(profile, "Patient", "Patient").setMin(0).setMax("*");
        ElementDefinition element = element(profile, ELEMENT, ELEMENT).setMin(0).setMax("*");
        element.addType().setCode("Identifier");
        edit.accept(element);
        return profile;
    }

    private List<Change> changes(Consumer<ElementDefinition> before, Consumer<ElementDefinition> after) {
        ChangeLog log = builder.compare("1.0.0", new VersionContent(List.of(profile(before)), List.of()),
                "1.1.0", new VersionContent(List.of(profile(after)), List.of()));
        assertEquals("1.0.0", log.from());
        assertEquals("1.1.0", log.to());
        return log.changes();
    }

    private Change only(Consumer<ElementDefinition> before, Consumer<ElementDefinition> after) {
        List<Change> changes = changes(before, after);
        assertEquals(1, changes.size(), changes.toString());
        Change change = changes.get(0);
        assertEquals(URL, change.subject());
        assertEquals(ELEMENT, change.path());
        return change;
    }

    private static Consumer<ElementDefinition> same() {
        return e -> { };
    }

    @Test
    void anUnchangedProfileHasNoChanges() {
        assertEquals(List.of(), changes(same(), same()));
    }

    @Test
    void raisingMinBreaksAndLoweringItDoesNot() {
        Change raised = only(same(), e -> e.setMin(1));
        assertEquals(new Change(ChangeKind.MIN_RAISED, URL, ELEMENT, "0..*", "1..*"), raised);
        assertTrue(raised.breaking());
        Change lowered = only(e -> e.setMin(1), same());
        assertEquals(ChangeKind.MIN_LOWERED, lowered.kind());
        assertFalse(lowered.breaking());
    }

    @Test
    void loweringMaxBreaksAndRaisingItDoesNot() {
        Change lowered = only(same(), e -> e.setMax("1"));
        assertEquals(new Change(ChangeKind.MAX_LOWERED, URL, ELEMENT, "0..*", "0..1"), lowered);
        assertTrue(lowered.breaking());
        assertEquals(ChangeKind.MAX_RAISED, only(e -> e.setMax("1"), e -> e.setMax("2")).kind());
        assertEquals(ChangeKind.MAX_LOWERED, only(e -> e.setMax("2"), e -> e.setMax("1")).kind(), "numbers, not text");
        assertEquals(List.of(), changes(e -> e.setMax("3"), e -> e.setMax("3")));
    }

    @Test
    void removingATypeOrTargetProfileBreaksAndAddingOneDoesNot() {
        Change removed = only(same(), e -> e.getType().clear());
        assertEquals(new Change(ChangeKind.TYPE_REMOVED, URL, ELEMENT, "Identifier", ""), removed);
        Change added = only(same(), e -> e.addType().setCode("string"));
        assertEquals(new Change(ChangeKind.TYPE_ADDED, URL, ELEMENT, "", "string"), added);
        Change target = only(e -> e.getType().get(0).setCode("Reference").addTargetProfile("http://x/Patient")
                        .addTargetProfile("http://x/Group"),
                e -> e.getType().get(0).setCode("Reference").addTargetProfile("http://x/Patient"));
        assertEquals(new Change(ChangeKind.TYPE_REMOVED, URL, ELEMENT, "Reference(http://x/Group)", ""), target);
        assertEquals(2, changes(same(), e -> e.getType().get(0).addProfile("http://x/JpIdentifier")).size(),
                "the plain type is gone and the profiled one is new");
        assertEquals(List.of(new Change(ChangeKind.TYPE_REMOVED, URL, ELEMENT, "Identifier", ""),
                        new Change(ChangeKind.TYPE_ADDED, URL, ELEMENT, "", "Identifier(http://x/JpIdentifier)")),
                changes(same(), e -> e.getType().get(0).addProfile("http://x/JpIdentifier")));
    }

    @Test
    void bindingStrengthRaisedBreaksAndLoweredDoesNot() {
        Change raised = only(e -> bind(e, BindingStrength.PREFERRED, "http://x/vs"), e -> bind(e, BindingStrength.REQUIRED, "http://x/vs"));
        assertEquals(new Change(ChangeKind.BINDING_STRENGTH_RAISED, URL, ELEMENT, "preferred http://x/vs", "required http://x/vs"), raised);
        assertEquals(ChangeKind.BINDING_STRENGTH_LOWERED,
                only(e -> bind(e, BindingStrength.EXTENSIBLE, "http://x/vs"), e -> bind(e, BindingStrength.EXAMPLE, "http://x/vs")).kind());
        assertEquals(ChangeKind.BINDING_STRENGTH_RAISED, only(same(), e -> bind(e, BindingStrength.EXAMPLE, null)).kind(),
                "from no binding to any binding is a raise");
        assertEquals(ChangeKind.BINDING_STRENGTH_RAISED,
                only(e -> bind(e, BindingStrength.EXAMPLE, "http://x/vs"), e -> bind(e, BindingStrength.PREFERRED, "http://x/vs")).kind());
        assertEquals(ChangeKind.BINDING_STRENGTH_RAISED,
                only(e -> bind(e, BindingStrength.PREFERRED, "http://x/vs"), e -> bind(e, BindingStrength.EXTENSIBLE, "http://x/vs")).kind());
    }

    @Test
    void aNewValueSetBreaksUnderExtensibleOrRequiredOnly() {
        Change strong = only(e -> bind(e, BindingStrength.EXTENSIBLE, "http://x/a|1.0"), e -> bind(e, BindingStrength.EXTENSIBLE, "http://x/b"));
        assertEquals(new Change(ChangeKind.BINDING_VALUE_SET_CHANGED, URL, ELEMENT, "extensible http://x/a", "extensible http://x/b"), strong);
        assertTrue(strong.breaking());
        assertEquals(ChangeKind.BINDING_VALUE_SET_CHANGED,
                only(e -> bind(e, BindingStrength.REQUIRED, "http://x/a"), e -> bind(e, BindingStrength.REQUIRED, "http://x/b")).kind());
        Change weak = only(e -> bind(e, BindingStrength.PREFERRED, "http://x/a"), e -> bind(e, BindingStrength.PREFERRED, "http://x/b"));
        assertEquals(ChangeKind.BINDING_VALUE_SET_CHANGED_WEAK, weak.kind());
        assertFalse(weak.breaking());
        assertEquals(List.of(), changes(e -> bind(e, BindingStrength.REQUIRED, "http://x/a|1.0"), e -> bind(e, BindingStrength.REQUIRED, "http://x/a|2.0")),
                "a new business version of the same value set is not a change");
        assertEquals(ChangeKind.BINDING_STRENGTH_RAISED, only(same(), e -> bind(e, BindingStrength.REQUIRED, "http://x/a")).kind(),
                "a value set where there was none is the binding's addition, not a value set change");
    }

    @Test
    void mustSupportAddedBreaksAndRemovedDoesNot() {
        assertEquals(new Change(ChangeKind.MUST_SUPPORT_ADDED, URL, ELEMENT, "false", "true"), only(same(), e -> e.setMustSupport(true)));
        assertEquals(new Change(ChangeKind.MUST_SUPPORT_REMOVED, URL, ELEMENT, "true", "false"), only(e -> e.setMustSupport(true), same()));
        assertEquals(List.of(), changes(e -> e.setMustSupport(true), e -> e.setMustSupport(true)));
    }

    @Test
    void fixedAndPatternValuesAddedOrChangedBreakAndRemovedDoNot() {
        assertEquals(new Change(ChangeKind.FIXED_OR_PATTERN_ADDED, URL, ELEMENT, "", "fixed official"),
                only(same(), e -> e.setFixed(new StringType("official"))));
        assertEquals(new Change(ChangeKind.FIXED_OR_PATTERN_CHANGED, URL, ELEMENT, "fixed official", "fixed usual"),
                only(e -> e.setFixed(new StringType("official")), e -> e.setFixed(new StringType("usual"))));
        assertEquals(new Change(ChangeKind.FIXED_OR_PATTERN_REMOVED, URL, ELEMENT, "fixed official", ""),
                only(e -> e.setFixed(new StringType("official")), same()));
        Change pattern = only(same(), e -> e.setPattern(new CodeableConcept(new Coding("http://x/cs", "a", null))));
        assertEquals(ChangeKind.FIXED_OR_PATTERN_ADDED, pattern.kind());
        assertTrue(pattern.after().startsWith("pattern {") && pattern.after().contains("\"code\":\"a\""), pattern.after());
        assertEquals(List.of(), changes(e -> e.setPattern(new CodeableConcept(new Coding("http://x/cs", "a", null))),
                e -> e.setPattern(new CodeableConcept(new Coding("http://x/cs", "a", null)))));
    }

    @Test
    void constraintsAddedOrChangedBreakAndRemovedDoNot() {
        assertEquals(new Change(ChangeKind.CONSTRAINT_ADDED, URL, ELEMENT, "", "k-1: value.exists()"),
                only(same(), e -> e.addConstraint().setKey("k-1").setExpression("value.exists()")));
        assertEquals(new Change(ChangeKind.CONSTRAINT_CHANGED, URL, ELEMENT, "k-1: a", "k-1: b"),
                only(e -> e.addConstraint().setKey("k-1").setExpression("a"), e -> e.addConstraint().setKey("k-1").setExpression("b")));
        assertEquals(new Change(ChangeKind.CONSTRAINT_REMOVED, URL, ELEMENT, "k-1: a", ""),
                only(e -> e.addConstraint().setKey("k-1").setExpression("a"), same()));
        assertEquals(new Change(ChangeKind.CONSTRAINT_ADDED, URL, ELEMENT, "", "k-2: "),
                only(same(), e -> e.addConstraint().setKey("k-2")), "a constraint without an expression");
        assertEquals(List.of(), changes(e -> e.addConstraint().setKey("k-1").setExpression("a"), e -> e.addConstraint().setKey("k-1").setExpression("a")));
    }

    @Test
    void elementsAndProfilesAddedOrRemoved() {
        StructureDefinition old = profile(same());
        StructureDefinition now = profile(same());
        now.getSnapshot().getElement().remove(1);
        now.getSnapshot().addElement().setPath("Patient.name").setMin(1); // no id: found by path, no max: "*"
        StructureDefinition added = profile(same()).setUrl("http://example.jp/fhir/StructureDefinition/q").setName("Q");
        StructureDefinition removed = profile(same()).setUrl("http://example.jp/fhir/StructureDefinition/a-gone").setName("Gone");
        ChangeLog log = builder.compare("1.0.0", new VersionContent(List.of(old, removed), List.of()),
                "2.0.0", new VersionContent(List.of(now, added), List.of()));
        assertEquals(List.of(
                new Change(ChangeKind.PROFILE_REMOVED, "http://example.jp/fhir/StructureDefinition/a-gone", "", "Gone", ""),
                new Change(ChangeKind.ELEMENT_REMOVED, URL, ELEMENT, "0..*", ""),
                new Change(ChangeKind.ELEMENT_ADDED, URL, "Patient.name", "", "1..*"),
                new Change(ChangeKind.PROFILE_ADDED, "http://example.jp/fhir/StructureDefinition/q", "", "", "Q")), log.changes(),
                "profiles in URL order");
        assertEquals(2, log.breakingCount());
        assertEquals(2, log.nonBreakingCount());
    }

    @Test
    void documentsAndSectionsAreListedForReviewNeverAsBreaking() {
        DocumentOutline before = new DocumentOutline("01-a", "総論", List.of(
                new DocumentOutline.Section("s1", "目的", "h1"), new DocumentOutline.Section("s2", "範囲", "h2"),
                new DocumentOutline.Section("s3", "用語", "h3"), new DocumentOutline.Section("s4", "削除", "h4")));
        DocumentOutline after = new DocumentOutline("01-a", "総論", List.of(
                new DocumentOutline.Section("s1", "目的", "h1"), new DocumentOutline.Section("s2", "適用範囲", "h2"),
                new DocumentOutline.Section("s3", "用語", "changed"), new DocumentOutline.Section("s5", "新節", "h5")));
        DocumentOutline gone = new DocumentOutline("00-old", "旧文書", List.of());
        DocumentOutline fresh = new DocumentOutline("09-new", "新文書", List.of());
        ChangeLog log = builder.compare("", new VersionContent(List.of(), List.of(before, gone)),
                "current", new VersionContent(List.of(), List.of(after, fresh)));
        assertEquals(List.of(
                new Change(ChangeKind.DOCUMENT_REMOVED, "00-old", "", "旧文書", ""),
                new Change(ChangeKind.SECTION_REMOVED, "01-a", "s4", "削除", ""),
                new Change(ChangeKind.SECTION_CHANGED, "01-a", "s2", "範囲", "適用範囲"),
                new Change(ChangeKind.SECTION_CHANGED, "01-a", "s3", "", ""),
                new Change(ChangeKind.SECTION_ADDED, "01-a", "s5", "", "新節"),
                new Change(ChangeKind.DOCUMENT_ADDED, "09-new", "", "", "新文書")), log.changes());
        assertEquals(0, log.breakingCount());
    }

    private static void bind(ElementDefinition element, BindingStrength strength, String valueSet) {
        element.getBinding().setStrength(strength);
        if (valueSet != null) element.getBinding().setValueSet(valueSet);
    }

    /** A new snapshot element with its id and path (setId returns the base type, so it cannot be chained). */
    private static ElementDefinition element(StructureDefinition profile, String id, String path) {
        ElementDefinition element = profile.getSnapshot().addElement();
        element.setId(id);
        return element.setPath(path);
    }
}
