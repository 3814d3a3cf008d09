package jp.nexehrs.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The artifact pages of this repository's own specification (built once into a temporary copy), read back with
 * jsoup and compared with the snapshots the build published beside them: a sliced profile (NeXEHRSPatient,
 * identifier sliced by system) and a complex extension (NeXEHRSRefusalScope).
 */
class RepositoryArtifactPagesTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path site;

    @BeforeAll
    static void buildTheSpecification() throws Exception {
        Path root = dir.resolve("spec-copy");
        for (String part : List.of("spec", "profiles", "governance", "site-template")) {
            TestProjects.copyTree(REPOSITORY.resolve(part), root.resolve(part));
        }
        Files.copy(REPOSITORY.resolve("nexehrs.yaml"), root.resolve("nexehrs.yaml"));
        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
        assertFalse(outcome.failed(), describe(TestProjects.errors(outcome.findings())));
        site = root.resolve("build/site");
    }

    @Test
    void everySnapshotElementOfTheSlicedPatientProfileHasARowWithItsCardinalityAndFlags() throws IOException {
        Document page = page("StructureDefinition-nexehrs-patient.html");
        JsonNode snapshot = JSON.readTree(site.resolve("StructureDefinition-nexehrs-patient.json").toFile()).path("snapshot").path("element");
        List<JsonNode> shown = notProhibited(snapshot);
        Elements rows = page.select("table[data-view=snapshot] tbody tr");
        assertEquals(shown.size(), rows.size(), "one snapshot row per element that is not prohibited");
        for (JsonNode element : shown) {
            String id = element.path("id").asText();
            Element row = page.getElementById("snapshot-" + id);
            assertNotNull(row, "a row for " + id);
            String cardinality = element.path("min").asInt() + ".." + element.path("max").asText();
            assertEquals(cardinality, row.selectFirst("td.cardinality").text(), id);
            List<String> flags = row.select("td.flags .flag").eachText();
            assertEquals(element.path("mustSupport").asBoolean(), flags.contains("S"), id + " S flag: " + flags);
            assertEquals(element.path("isModifier").asBoolean(), flags.contains("?!"), id + " ?! flag: " + flags);
            assertEquals(element.path("isSummary").asBoolean(), flags.contains("Σ"), id + " Σ flag: " + flags);
        }
    }

    @Test
    void theIdentifierSlicingIsShownOnTheSlicedElementWithItsSlicesUnderIt() throws IOException {
        Document page = page("StructureDefinition-nexehrs-patient.html");
        for (String view : List.of("differential", "snapshot", "must-support", "key")) {
            assertNotNull(page.getElementById(view + "-Patient.identifier"), view + " shows the sliced element");
        }
        Element identifier = page.getElementById("differential-Patient.identifier");
        assertEquals("1..*", identifier.selectFirst("td.cardinality").text());
        String slicing = identifier.selectFirst(".slicing").text();
        assertTrue(slicing.contains("value @ system") && slicing.contains("open") && slicing.contains("unordered"), slicing);
        assertEquals("true", identifier.attr("data-has-children"));

        Element recordId = page.getElementById("differential-Patient.identifier:personRecordId");
        assertEquals("Patient.identifier", recordId.attr("data-parent"), "a slice sits under the element it slices");
        assertEquals(Integer.parseInt(identifier.attr("data-depth")) + 1, Integer.parseInt(recordId.attr("data-depth")));
        assertEquals("1..1", recordId.selectFirst("td.cardinality").text());
        assertTrue(recordId.hasClass("slice"));
        Element system = page.getElementById("differential-Patient.identifier:personRecordId.system");
        assertEquals("Patient.identifier:personRecordId", system.attr("data-parent"));
        assertEquals("fixed: http://nexehrs.jp/fhir/sid/person-record-id", system.selectFirst("td.fixed").text());

        // Must Support shows the slice (must support) but not the optional insured-person slice (not must support).
        assertNotNull(page.getElementById("must-support-Patient.identifier:personRecordId"));
        assertNull(page.getElementById("must-support-Patient.identifier:insuredPersonId"));
        // Key elements: min > 0 shows the required birthDate; ancestors are shown as context rows.
        assertNotNull(page.getElementById("key-Patient.birthDate"));
        assertTrue(page.getElementById("must-support-Patient").hasClass("context"), "the root is an ancestor, not selected");
    }

    @Test
    void typesLinkToTheBaseSpecificationOurProfilesAndOurExtensions() throws IOException {
        Document page = page("StructureDefinition-nexehrs-patient.html");
        assertEquals("https://hl7.org/fhir/R4/datatypes.html#Identifier",
                page.getElementById("snapshot-Patient.identifier").selectFirst("td.types a").attr("href"));
        List<String> organisation = page.getElementById("snapshot-Patient.managingOrganization").select("td.types a").eachAttr("href");
        assertEquals(List.of("https://hl7.org/fhir/R4/references.html#Reference", "StructureDefinition-nexehrs-custodian-organization.html"), organisation);
        Element gender = page.getElementById("snapshot-Patient.gender");
        assertEquals("https://hl7.org/fhir/R4/valueset-administrative-gender.html", gender.selectFirst(".binding a").attr("href"));
        assertTrue(gender.selectFirst(".binding").text().contains("required"));
        // Header: the base links to R4, the description is in Japanese with its English translation.
        assertEquals("https://hl7.org/fhir/R4/patient.html", page.select("dl.facts a").first().attr("href"));
        assertFalse(page.select("p.description").text().isBlank());
        assertFalse(page.select("p.description-en[lang=en]").text().isBlank());
        assertTrue(page.select("a[href=StructureDefinition-nexehrs-patient.xml]").size() == 1);
        assertTrue(Files.readString(site.resolve("StructureDefinition-nexehrs-patient.xml")).contains("<StructureDefinition xmlns=\"http://hl7.org/fhir\">"));
        // Derived profiles: the custodian organisation derives from the organisation profile, whose page says so.
        assertTrue(page("StructureDefinition-nexehrs-organization.html").select("dl.facts a").eachAttr("href")
                .contains("StructureDefinition-nexehrs-custodian-organization.html"));
        assertEquals("StructureDefinition-nexehrs-organization.html",
                page("StructureDefinition-nexehrs-custodian-organization.html").select("dl.facts a").first().attr("href"), "base links to our page");
        // The bindings table, the examples that claim it.
        assertTrue(page.select("table.bindings td code").eachText().contains("Patient.gender"));
        assertTrue(page.select("ul.examples a").eachAttr("href").contains("Patient-yamada-taro.html"), page.select("ul.examples").outerHtml());
    }

    @Test
    void theComplexExtensionPageShowsContextCardinalitySubExtensionsAndTheirRows() throws IOException {
        Document page = page("StructureDefinition-nexehrs-refusal-scope.html");
        Element facts = page.selectFirst("#extension + dl.facts");
        assertTrue(facts.text().contains("element: Consent.provision"), facts.text());
        assertTrue(facts.text().contains("0..1"), facts.text());
        List<String> parts = page.select("table.sub-extensions tbody tr td:first-child").eachText();
        assertEquals(List.of("scopeType", "category", "provider"), parts);
        Element provider = page.select("table.sub-extensions tbody tr").get(2);
        assertEquals("0..*", provider.child(1).text());
        assertEquals(List.of("https://hl7.org/fhir/R4/references.html#Reference", "StructureDefinition-nexehrs-organization.html"),
                provider.child(2).select("a").eachAttr("href"), "the value type with its target profile");

        Element slice = page.getElementById("snapshot-Extension.extension:scopeType");
        assertEquals("1..1", slice.selectFirst("td.cardinality").text());
        assertEquals("Extension.extension", slice.attr("data-parent"));
        Element url = page.getElementById("snapshot-Extension.extension:scopeType.url");
        assertEquals("fixed: scopeType", url.selectFirst("td.fixed").text());
        assertEquals("uri", url.selectFirst("td.types").text(), "the FHIR type, not the FHIRPath system type");
        Element value = page.getElementById("snapshot-Extension.extension:provider.value[x]");
        assertEquals(List.of("https://hl7.org/fhir/R4/references.html#Reference", "StructureDefinition-nexehrs-organization.html"),
                value.select("td.types a").eachAttr("href"));
        Element scopeValue = page.getElementById("snapshot-Extension.extension:scopeType.value[x]");
        assertTrue(scopeValue.selectFirst(".binding a").attr("href").startsWith("ValueSet-"), scopeValue.outerHtml());
        assertNull(page.getElementById("snapshot-Extension.extension:scopeType.extension"), "prohibited sub-element");

        // The refusal profile uses this extension and links to its page.
        Document refusal = page("StructureDefinition-nexehrs-sharing-refusal.html");
        assertTrue(refusal.select("ul.extensions-used a").eachAttr("href").contains("StructureDefinition-nexehrs-refusal-scope.html"),
                refusal.select("ul.extensions-used").outerHtml());
    }

    @Test
    void valueSetCodeSystemAndExamplePagesShowWhatImplementersNeed() throws IOException {
        Document valueSets = page("artifacts.html");
        String valueSetPage = valueSets.select("a[href^=ValueSet-]").first().attr("href");
        Document valueSet = page(valueSetPage);
        assertFalse(valueSet.select("ul.compose li").isEmpty(), valueSetPage);
        assertFalse(valueSet.select("table.expansion tbody tr").isEmpty(), "our value sets expand offline: " + valueSetPage);
        assertFalse(valueSet.select("table.used-by a[href^=StructureDefinition-]").isEmpty(), "a profile binds to " + valueSetPage);

        Document codeSystem = page("CodeSystem-nexehrs-data-category.html");
        Elements concepts = codeSystem.select("table.concepts tbody tr");
        assertFalse(concepts.isEmpty());
        assertTrue(concepts.stream().anyMatch(r -> !r.child(2).text().isBlank()), "English designations are shown");

        Document example = page("Patient-yamada-taro.html");
        assertFalse(example.select("div.narrative").text().isBlank(), "the narrative is rendered");
        assertTrue(example.select("a[href=StructureDefinition-nexehrs-patient.html]").size() >= 1);
        assertTrue(example.selectFirst("pre.xml").text().contains("<Patient xmlns=\"http://hl7.org/fhir\">"));
        assertTrue(Files.isRegularFile(site.resolve("Patient-yamada-taro.xml")));
    }

    @Test
    void theGuidelinesEmbedElementTablesDrawnFromTheProfiles() throws IOException {
        Document record = page("02-person-centred-record.html");
        Element patient = record.selectFirst(".document-body table.element-tree[data-view=differential]");
        assertNotNull(patient, "02 embeds NeXEHRSPatient's differential");
        assertEquals("1..1", patient.getElementById("differential-Patient.identifier:personRecordId").selectFirst("td.cardinality").text());
        assertEquals("StructureDefinition-nexehrs-custodian-organization.html",
                patient.getElementById("differential-Patient.managingOrganization").select("td.types a").last().attr("href"));
        Element refusal = page("03-sharing.html").selectFirst(".document-body table.element-tree[data-view=key]");
        assertNotNull(refusal, "03 embeds NeXEHRSSharingRefusal's key elements");
        assertNotNull(refusal.getElementById("key-Consent.provision.type"));
    }

    @Test
    void theDefinitionsAndExamplesZipsHoldEveryJsonFileTheSiteServes() throws IOException {
        for (String[] zip : new String[][]{{PagePaths.DEFINITIONS_JSON_ZIP, "StructureDefinition-nexehrs-patient.json"},
                {PagePaths.EXAMPLES_JSON_ZIP, "Patient-yamada-taro.json"}}) {
            List<String> names = new ArrayList<>();
            try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(site.resolve(zip[0])))) {
                for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) names.add(entry.getName());
            }
            assertTrue(names.contains(zip[1]), zip[0] + ": " + names);
            assertEquals(names.stream().sorted().toList(), names, "sorted entries");
            assertFalse(page("index.html").select("a[href=" + zip[0] + "]").isEmpty(), "the home page links " + zip[0]);
        }
    }

    private static Document page(String name) throws IOException {
        return Jsoup.parse(site.resolve(name).toFile(), "UTF-8");
    }

    /** Snapshot elements without those whose max is 0 and everything under them (by id). */
    private static List<JsonNode> notProhibited(JsonNode snapshot) {
        Set<String> prohibited = new HashSet<>();
        List<JsonNode> shown = new ArrayList<>();
        for (JsonNode element : snapshot) {
            String id = element.path("id").asText();
            boolean under = prohibited.stream().anyMatch(p -> id.startsWith(p + ".") || id.startsWith(p + ":"));
            if ("0".equals(element.path("max").asText()) || under) prohibited.add(id);
            else shown.add(element);
        }
        return shown;
    }
}
