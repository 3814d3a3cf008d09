package jp.nexehrs.check;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static jp.nexehrs.testing.TestProjects.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The conformance rules on differential elements deeper than the base's snapshot: children of an extension slice's
 * {@code value[x]}, of a type slice of a choice, of a profiled datatype, of a slice the base profile defines. They
 * exist where the generated snapshot has them; an element it does not have is still an error, and a deep element's
 * cardinality is still checked against its definition. Fixture: {@code projects/choice-slices}.
 */
class DeepDifferentialElementsTest {
    private static final String SD = "profiles/structuredefinitions/";
    @TempDir
    static Path dir;
    private static List<Finding> findings;

    @BeforeAll
    static void check() throws Exception {
        Converted converted = TestProjects.convertResources(CorpusFixtures.copyProject("choice-slices", dir));
        findings = new ConformanceRules(converted.support(), converted.project().config()::owns)
                .check(converted.project().resources(FhirSource.Role.CONFORMANCE));
    }

    @Test
    void childrenOfExtensionValuesTypeSlicesAndProfiledDatatypesExist() {
        assertEquals(List.of(), on(findings, SD + "StructureDefinition-sliced-dosage.json"), describe(findings));
        assertEquals(List.of(), on(findings, SD + "StructureDefinition-period-of-use.json"), describe(findings));
    }

    @Test
    void childrenOfSlicesTheBaseProfileDefinesExist() {
        assertEquals(List.of(), on(findings, SD + "StructureDefinition-derived-dosage.json"), describe(findings));
    }

    @Test
    void aChildNoSnapshotHasIsAnErrorAndADeepChildsCardinalityIsChecked() {
        List<Finding> unknown = on(findings, SD + "StructureDefinition-unknown-child-dosage.json");
        assertEquals(2, unknown.size(), describe(unknown));
        assertEquals(ConformanceRules.RULE_PATH, unknown.get(0).messageId(), describe(unknown));
        assertTrue(unknown.get(0).message().contains("'Dosage.timing.repeat.bounds[x].colour' does not exist"), describe(unknown));
        assertEquals(ConformanceRules.RULE_CARDINALITY, unknown.get(1).messageId(), describe(unknown));
        assertTrue(unknown.get(1).message().contains("max 2 of 'Dosage.timing.repeat.bounds[x].value' is higher than the base's max 1"),
                describe(unknown));
    }
}
