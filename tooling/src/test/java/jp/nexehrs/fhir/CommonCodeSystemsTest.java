package jp.nexehrs.fhir;

import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BCP-47 language codes against R4's preferred "Common Languages" binding ({@code Attachment.language}), with
 * the real validator: a valid code outside the list ({@code ja-JP}, as JP Core's DiagnosticReport examples use)
 * is information, not an error; a code that is no language at all stays an error.
 */
class CommonCodeSystemsTest {
    private static InstanceValidator validator;

    @BeforeAll
    static void start() {
        validator = new InstanceValidator(new ConformanceSupport(new FhirEngine()));
    }

    @Test
    void aValidLanguageOutsideThePreferredValueSetIsInformation() {
        List<Finding> findings = validate("ja-JP");
        assertTrue(findings.stream().noneMatch(Finding::isError), describe(findings));
        assertTrue(findings.stream().anyMatch(f -> f.severity() == Severity.INFORMATION && f.message().contains("'ja-JP'")
                && f.message().contains("Common Languages")), describe(findings));
    }

    @Test
    void aCodeThatIsNoLanguageIsAnError() {
        List<Finding> findings = validate("zz-nolanguage");
        assertTrue(findings.stream().anyMatch(f -> f.isError() && f.message().contains("zz-nolanguage")), describe(findings));
    }

    private static List<Finding> validate(String language) {
        String text = """
                {"resourceType": "DiagnosticReport", "id": "x", "status": "final", "code": {"text": "内視鏡検査"},
                 "presentedForm": [{"contentType": "text/plain", "language": "%s", "data": "5L2Z"}]}
                """.formatted(language);
        return validator.validate(new FhirSource("DiagnosticReport-x.json", FhirSource.Role.EXAMPLE, ResourceFormat.JSON, text,
                null, "DiagnosticReport", "x", "", List.of()));
    }
}
