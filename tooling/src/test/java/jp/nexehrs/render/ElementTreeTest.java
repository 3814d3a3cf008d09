package jp.nexehrs.render;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The element tables of profile pages and fhir-table:: from a small snapshot: which rows each view shows (with the
 * ancestors they need as context), slices under the element they slice, prohibited elements left out, and links to
 * this project's pages or the R4 specification.
 */
class ElementTreeTest {
    private static final String VS = "http://example.jp/fhir/ValueSet/kinds";

    private static StructureDefinition profile() {
        StructureDefinition profile = new StructureDefinition();
        profile.setUrl("http://example.jp/fhir/StructureDefinition/p");
        ElementDefinition root = element(profile, "Patient", "Patient").setMin(0).setMax("*");
        root.addConstraint().setKey("ele-1");
        ElementDefinition identifier = element(profile, "Patient.identifier", "Patient.identifier")
                .setMin(1).setMax("*").setIsSummary(true);
        identifier.addType().setCode("Identifier");
        identifier.getSlicing().setRules(ElementDefinition.SlicingRules.OPEN).addDiscriminator()
                .setType(ElementDefinition.DiscriminatorType.VALUE).setPath("system");
        ElementDefinition slice = element(profile, "Patient.identifier:national", "Patient.identifier").setSliceName("national").setMin(0).setMax("1").setMustSupport(true);
        slice.addType().setCode("Identifier");
        element(profile, "Patient.identifier:national.system", "Patient.identifier.system")
                .setMin(1).setMax("1").setFixed(new StringType("urn:oid:1.2.392"))
                .addType().setCode("http://hl7.org/fhirpath/System.String")
                .addExtension("http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type", new org.hl7.fhir.r4.model.UrlType("uri"));
        ElementDefinition gender = element(profile, "Patient.gender", "Patient.gender")
                .setMin(0).setMax("1").setIsModifier(false).setShort("性別").setDefinition("患者の性別");
        gender.addType().setCode("code");
        gender.getBinding().setStrength(BindingStrength.REQUIRED).setValueSet(VS + "|1.0");
        gender.addConstraint().setKey("pat-1");
        element(profile, "Patient.photo", "Patient.photo").setMin(0).setMax("0");
        element(profile, "Patient.photo.url", "Patient.photo.url").setMin(0).setMax("1");
        ElementDefinition link = element(profile, "Patient.link", "Patient.link").setMin(0).setMax("*")
                .setIsModifier(true);
        link.addType().setCode("Reference").addTargetProfile("http://hl7.org/fhir/StructureDefinition/Patient")
                .addTargetProfile("http://example.jp/fhir/StructureDefinition/p");
        profile.getDifferential().addElement().setPath("Patient.identifier").setId("Patient.identifier:national");
        return profile;
    }

    private static ElementTree tree() {
        ValueSet valueSet = new ValueSet();
        valueSet.setId("kinds");
        valueSet.setUrl(VS);
        valueSet.setName("Kinds");
        StructureDefinition self = profile();
        self.setId("p");
        self.setName("P");
        return new ElementTree(FhirContext.forR4Cached(), ArtifactLinks.of(Stream.of(
                new ArtifactLinks.Page(valueSet, "ValueSet-kinds.html"), new ArtifactLinks.Page(self, "StructureDefinition-p.html")), url -> null));
    }

    private static List<String> ids(List<ElementNode> rows) {
        return rows.stream().map(ElementNode::id).toList();
    }

    @Test
    void theSnapshotViewShowsEveryAllowedElementAtItsDepth() {
        List<ElementNode> rows = tree().rows(profile(), ElementView.SNAPSHOT, "");
        assertEquals(List.of("Patient", "Patient.identifier", "Patient.identifier:national", "Patient.identifier:national.system",
                "Patient.gender", "Patient.link"), ids(rows), "the prohibited photo and what is under it are left out");
        assertEquals(List.of(0, 1, 2, 3, 1, 1), rows.stream().map(ElementNode::depth).toList());
        ElementNode slice = rows.get(2);
        assertEquals("identifier:national", slice.name());
        assertEquals("national", slice.sliceName());
        assertEquals("Patient.identifier", slice.parentId());
        assertTrue(slice.hasChildren());
        assertFalse(slice.context());
        assertTrue(slice.flags().mustSupport());
        assertEquals("0..1", slice.cardinality());
        assertFalse(rows.get(0).flags().constrained(), "ele-1 alone does not mark an element as constrained");
        assertTrue(rows.get(4).flags().constrained());
        assertTrue(rows.get(1).flags().summary());
        assertTrue(rows.get(5).flags().modifier());
        assertEquals("", rows.get(0).parentId());
    }

    @Test
    void theDifferentialViewShowsItsElementsWithTheirAncestorsAsContext() {
        List<ElementNode> rows = tree().rows(profile(), ElementView.DIFFERENTIAL, "");
        assertEquals(List.of("Patient", "Patient.identifier", "Patient.identifier:national"), ids(rows));
        assertEquals(List.of(true, true, false), rows.stream().map(ElementNode::context).toList());
        assertFalse(rows.get(2).hasChildren(), "its children are not shown, so it has none here");
    }

    @Test
    void mustSupportAndKeyViewsSelectWhatTheyName() {
        assertEquals(List.of("Patient", "Patient.identifier", "Patient.identifier:national"),
                ids(tree().rows(profile(), ElementView.MUST_SUPPORT, "")));
        assertEquals(List.of("Patient", "Patient.identifier", "Patient.identifier:national", "Patient.identifier:national.system",
                "Patient.link"), ids(tree().rows(profile(), ElementView.KEY, "")), "min > 0, must-support or modifier");
    }

    @Test
    void typesBindingsSlicingAndFixedValuesAreDescribedWithLinks() {
        List<ElementNode> rows = tree().rows(profile(), ElementView.SNAPSHOT, "../");
        ElementNode identifier = rows.get(1);
        assertEquals("スライス Slicing: 判別子 value @ system、規則 open、順序なし unordered", identifier.slicing());
        assertEquals(new ArtifactLinks.Link("Identifier", "https://hl7.org/fhir/R4/datatypes.html#Identifier"), identifier.types().get(0).type());
        ElementNode system = rows.get(3);
        assertEquals("fixed: urn:oid:1.2.392", system.fixed());
        assertEquals(new ArtifactLinks.Link("uri", "https://hl7.org/fhir/R4/datatypes.html#uri"), system.types().get(0).type(),
                "the FHIR type people know, not the FHIRPath system type");
        ElementNode gender = rows.get(4);
        assertEquals("性別", gender.shortText());
        assertEquals("患者の性別", gender.definition());
        assertEquals("required", gender.binding().strength());
        assertEquals(new ArtifactLinks.Link("Kinds", "../ValueSet-kinds.html"), gender.binding().link(), "our own value set, version dropped");
        assertNull(identifier.binding());
        ElementNode link = rows.get(5);
        assertEquals(List.of(new ArtifactLinks.Link("Patient", "https://hl7.org/fhir/R4/patient.html"),
                new ArtifactLinks.Link("P", "../StructureDefinition-p.html")), link.types().get(0).targets());
        assertEquals("https://hl7.org/fhir/R4/references.html#Reference", link.types().get(0).type().href());
    }

    @Test
    void theTableHasOneRowPerNodeWithFlagsTypesAndDataForTheScript() {
        String html = new ElementTableRenderer().render(tree().rows(profile(), ElementView.SNAPSHOT, ""), ElementView.SNAPSHOT);
        assertTrue(html.startsWith("<table class=\"elements element-tree\" data-view=\"snapshot\">"), html);
        assertTrue(html.contains("<tr id=\"snapshot-Patient.identifier:national\" data-element=\"Patient.identifier:national\" data-depth=\"2\""
                + " data-parent=\"Patient.identifier\" data-has-children=\"true\" class=\"slice depth-2\">"), html);
        assertTrue(html.contains("<span class=\"flag\" title=\"必須サポート (must support)\">S</span>"), html);
        assertTrue(html.contains("<span class=\"flag\" title=\"修飾要素 (is modifier)\">?!</span>"), html);
        assertTrue(html.contains("<a href=\"https://hl7.org/fhir/R4/references.html#Reference\">Reference</a>(<wbr><a href="), html);
        assertTrue(html.contains("束縛 Binding: <a href=\"ValueSet-kinds.html\">Kinds</a> (required)"), html);
        assertTrue(html.contains("<td class=\"fixed\"><code>fixed: urn:oid:1.2.392</code></td>"), html);
        assertTrue(html.contains("<td class=\"description\" title=\"患者の性別\">性別"), html);
        assertEquals(6, html.split("<tr id=").length - 1);
    }

    @Test
    void linksGoToOurPagesTheR4SpecificationOrTheCanonicalItself() {
        var r4 = new jp.nexehrs.fhir.FhirEngine().baseDefinitions();
        ArtifactLinks links = ArtifactLinks.of(Stream.of(), r4::fetchStructureDefinition);
        assertEquals(new ArtifactLinks.Link("iso21090-EN-representation", "https://hl7.org/fhir/R4/extension-iso21090-en-representation.html"),
                links.canonical("http://hl7.org/fhir/StructureDefinition/iso21090-EN-representation", ""), "a core extension: its own page");
        assertEquals(new ArtifactLinks.Link("vitalsigns", "https://hl7.org/fhir/R4/vitalsigns.html"),
                links.canonical("http://hl7.org/fhir/StructureDefinition/vitalsigns", ""), "a core profile: its own page");
        assertEquals(new ArtifactLinks.Link("HumanName", "https://hl7.org/fhir/R4/datatypes.html#HumanName"),
                links.canonical("http://hl7.org/fhir/StructureDefinition/HumanName", ""), "a data type: its section");
        assertEquals(new ArtifactLinks.Link("no-such-thing", "http://hl7.org/fhir/StructureDefinition/no-such-thing"),
                links.canonical("http://hl7.org/fhir/StructureDefinition/no-such-thing", ""), "not in R4: the canonical itself");
        assertEquals(new ArtifactLinks.Link("administrative-gender", "https://hl7.org/fhir/R4/valueset-administrative-gender.html"),
                links.canonical("http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1", ""));
        assertEquals(new ArtifactLinks.Link("x", "http://other.org/fhir/x"), links.canonical("http://other.org/fhir/x", ""));
        assertEquals(new ArtifactLinks.Link("urn:x", ""), links.canonical("urn:x", ""), "not a web address: no link");
        assertTrue(links.local("http://example.jp/fhir/ValueSet/kinds").isEmpty());
        assertEquals("https://hl7.org/fhir/R4/datatypes.html#HumanName", R4Types.href("HumanName"));
        assertEquals("https://hl7.org/fhir/R4/observation.html", R4Types.href("Observation"));
        assertEquals("https://hl7.org/fhir/R4/extensibility.html#Extension", R4Types.href("Extension"));
        assertEquals("", R4Types.href(""));
        assertEquals("", R4Types.href("http://hl7.org/fhirpath/System.String"));
        assertEquals("System.String", R4Types.label("http://hl7.org/fhirpath/System.String"));
        assertEquals("string", R4Types.label("string"));
    }

    @Test
    void viewsAreNamedByTheirCodes() {
        assertEquals(ElementView.MUST_SUPPORT, ElementView.fromCode("must-support").orElseThrow());
        assertTrue(ElementView.fromCode("diff").isEmpty());
        assertEquals("differential, snapshot, must-support, key", ElementView.codes());
        assertEquals("差分", ElementView.DIFFERENTIAL.japanese());
        assertEquals("Key Elements", ElementView.KEY.english());
        assertEquals("Patient.identifier", ElementTree.parentId("Patient.identifier:national"));
        assertEquals("Patient.identifier:national", ElementTree.parentId("Patient.identifier:national.system"));
        assertNull(ElementTree.parentId("Patient"));
    }

    /** A new snapshot element with its id and path (setId returns the base type, so it cannot be chained). */
    private static ElementDefinition element(StructureDefinition profile, String id, String path) {
        ElementDefinition element = profile.getSnapshot().addElement();
        element.setId(id);
        return element.setPath(path);
    }
}
