package jp.nexehrs.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guide shaped like published ones ({@code projects/real-guide}) builds end to end as it is: resources under
 * several bases and freely named files beside the guide's own ImplementationGuide, a profile without a version claimed
 * as {@code |2.0.0}, a dependency at hand, and a terminology package that is not on the machine.
 */
class RealGuideTest {
    @TempDir
    static Path dir;
    static Outcome outcome;
    static Path root;

    @BeforeAll
    static void build() throws Exception {
        root = CorpusFixtures.copyProject("real-guide", dir.resolve("guide"));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PACKAGE);
        }
    }

    @Test
    void theGuideBuildsWithoutErrors() {
        assertEquals(List.of(), TestProjects.errors(outcome.findings()), TestProjects.describe(outcome.findings()));
    }

    @Test
    void aBaseTheProjectDoesNotDeclareIsOneWarningForTheBase() {
        List<Finding> outside = withMessage("outside the project's canonical base");
        assertEquals(1, outside.size(), TestProjects.describe(outcome.findings()));
        assertTrue(outside.get(0).message().startsWith("1 resource under http://example.org/fhir/elsewhere,"), outside.get(0).message());
        assertEquals("profiles/CodeSystem-visit-kind.json", outside.get(0).file());
    }

    @Test
    void referencesIntoTheMissingPackageAreOneNotCheckedWarningEach() {
        List<Finding> notChecked = withMessage("not checked: http://example.org/fhir/terminology/ValueSet/marital-jp");
        assertEquals(1, notChecked.size(), TestProjects.describe(outcome.findings()));
        assertEquals(Severity.WARNING, notChecked.get(0).severity());
        assertTrue(notChecked.get(0).message().endsWith("(package example.terminology#1.0.0 is missing)"), notChecked.get(0).message());
        assertEquals(1, withMessage("dependency example.terminology#1.0.0 is not on this machine").size(),
                "the missing package itself is said once, on nexehrs.yaml");
    }

    @Test
    void aRequiredSliceToldApartByAValueSetOfTheMissingPackageIsNotCheckedRatherThanFailed() {
        List<Finding> notChecked = withMessage("not checked: http://example.org/fhir/terminology/ValueSet/local-codes");
        assertEquals(1, notChecked.size(), TestProjects.describe(outcome.findings()));
        assertTrue(withMessage("a matching slice is required").isEmpty(), TestProjects.describe(outcome.findings()));
    }

    @Test
    void anEmptyStringInAConformanceResourceIsAWarningOnItsLine() {
        List<Finding> empty = withMessage("empty value of 'comment' ignored");
        assertEquals(1, empty.size(), TestProjects.describe(outcome.findings()));
        assertEquals(Severity.WARNING, empty.get(0).severity());
        assertEquals(17, empty.get(0).line());
    }

    @Test
    void eachExampleSaysWhichProfilesItWasCheckedAgainst() throws Exception {
        JsonNode qa = new ObjectMapper().readTree(root.resolve("build/qa.json").toFile());
        assertEquals("[\"http://example.org/fhir/guide/StructureDefinition/GuidePatient|2.0.0\"]",
                verdict(qa, "profiles/AHC-taro.json").get("checkedAgainst").toString(), "the versioned claim resolves once the guide's version is stamped");
        assertEquals("[\"http://example.org/fhir/common/StructureDefinition/CommonObservation\"]",
                verdict(qa, "profiles/Observation-weight.json").get("checkedAgainst").toString(), "the guide's global profile for its type");
    }

    @Test
    void theGlobalProfileIsEnforcedOnInstancesThatClaimNone() {
        // The invalid example claims nothing; its manifest expects the global profile's subject rule to fail it.
        assertTrue(withMessage("Observation-no-subject.json").isEmpty(), TestProjects.describe(outcome.findings()));
    }

    @Test
    void thePackageCarriesTheGuidesVersionInItsOwnResources() throws Exception {
        Path archive = root.resolve("build/package/example.realguide-2.0.0.tgz");
        String text = new String(new GZIPInputStream(Files.newInputStream(archive)).readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("\"url\": \"http://example.org/fhir/guide/StructureDefinition/GuidePatient\",\n  \"version\": \"2.0.0\"")
                || text.contains("\"url\":\"http://example.org/fhir/guide/StructureDefinition/GuidePatient\",\"version\":\"2.0.0\""), "GuidePatient stamped 2.0.0");
        assertTrue(text.contains("\"version\": \"2023\"") || text.contains("\"version\":\"2023\""),
                "a resource outside the project's bases keeps the version it states");
    }

    @Test
    void anExamplesPageTakesItsNameAndDescriptionFromTheGuideAndSaysWhatItWasCheckedAgainst() throws Exception {
        Path site = CorpusFixtures.copyProject("real-guide", dir.resolve("site"));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            new Pipeline(toolkit, Progress.SILENT).run(site, Goal.BUILD);
        }
        String page = Files.readString(site.resolve("build/site/Patient-taro.html"));
        assertTrue(page.contains("<title>患者の例"), "the title is the guide's name for the example");
        assertTrue(page.contains("太郎さん"), "the guide's description");
        assertTrue(page.contains("Checked against") && page.contains("GuidePatient|2.0.0"), "the profile it was checked against");
    }

    private static JsonNode verdict(JsonNode qa, String file) {
        for (JsonNode example : qa.get("examples")) if (example.get("file").asText().equals(file)) return example;
        throw new AssertionError("no verdict for " + file + " in " + qa.get("examples"));
    }

    private static List<Finding> withMessage(String text) {
        List<Finding> found = new ArrayList<>();
        for (Finding finding : outcome.findings()) if (finding.message().contains(text) || finding.file().contains(text)) found.add(finding);
        return found;
    }
}
