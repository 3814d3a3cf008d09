package jp.nexehrs.convert;

import jp.nexehrs.fsh.FshFolders;
import jp.nexehrs.fsh.SushiMessage;
import jp.nexehrs.load.MissingPackage;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SUSHI's errors on rules about an extension it has no definition of: with a dependency missing they are "not checked"
 * warnings naming it, one per file and extension (IPS 2.0.1 puts HL7's obligation extension on every element: 1,384
 * errors before); with every dependency here they stay errors, one per rule.
 */
class SushiFindingsTest {
    private static final String OBLIGATION = "http://hl7.org/fhir/StructureDefinition/obligation";
    private static final FshFolders FOLDERS = new FshFolders(Path.of("/guide"), Path.of("/guide/input/fsh"), Optional.empty(), List.of());
    private static final List<MissingPackage> MISSING = List.of(
            new MissingPackage("hl7.fhir.uv.extensions.r4", "5.3.0", "sushi-config.yaml", 20, List.of("/root/.fhir/packages")));

    private static List<SushiMessage> messages() {
        List<SushiMessage> messages = new ArrayList<>();
        for (int line = 19; line <= 24; line++) {
            messages.add(new SushiMessage(true, "The element or path you referenced does not exist: extension[" + OBLIGATION + "]["
                    + (line - 19) / 2 + "].extension[code].valueCode", "input/fsh/profiles/A.fsh", line, "", 0));
        }
        messages.add(new SushiMessage(true, "Cannot create abatement extension; unable to locate extension definition for:"
                + " http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement.", "input/fsh/profiles/A.fsh", 16, "", 0));
        messages.add(new SushiMessage(true, "The element or path you referenced does not exist: extension[" + OBLIGATION
                + "][0].extension[code].valueCode", "input/fsh/profiles/B.fsh", 7, "", 0));
        messages.add(new SushiMessage(true, "Element Patient.name has minimum cardinality 1 but occurs 0 time(s).",
                "input/fsh/profiles/B.fsh", 9, "", 0));
        return messages;
    }

    private static List<Finding> findings(List<MissingPackage> missing) {
        return FshCompilation.oncePerFileAndName(messages().stream()
                .map(m -> FshCompilation.finding(m, "input/fsh", FOLDERS, missing)).toList());
    }

    @Test
    void withTheDependencyMissingEachExtensionIsOneWarningPerFileListingTheOtherLines() {
        List<Finding> findings = findings(MISSING);
        assertEquals(List.of("input/fsh/profiles/A.fsh:19", "input/fsh/profiles/A.fsh:16", "input/fsh/profiles/B.fsh:7",
                "input/fsh/profiles/B.fsh:9"), findings.stream().map(f -> f.file() + ":" + f.line()).toList());
        Finding obligation = findings.get(0);
        assertEquals(Severity.WARNING, obligation.severity());
        assertTrue(obligation.message().contains("the extension " + OBLIGATION + " is probably defined in hl7.fhir.uv.extensions.r4#5.3.0"
                + ", which is not on this machine: not checked"), obligation.message());
        assertTrue(obligation.message().endsWith("(and 5 more rules on this extension in this file, lines 20, 21, 22, 23, 24)"),
                obligation.message());
        assertTrue(findings.get(1).message().contains("allergyintolerance-abatement is probably defined in"), findings.get(1).message());
        assertEquals(Severity.WARNING, findings.get(2).severity());
        assertEquals(Severity.ERROR, findings.get(3).severity(), "a mistake no missing package explains stays an error");
    }

    @Test
    void withEveryDependencyHereTheyStayErrorsOnePerRule() {
        List<Finding> findings = findings(List.of());
        assertEquals(9, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.ERROR));
    }
}
