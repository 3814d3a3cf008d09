package jp.nexehrs.check;

import jp.nexehrs.load.InvalidExampleExpectation;
import jp.nexehrs.report.Finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the profiles honest: each file in profiles/invalid must fail with the error its manifest entry
 * declares. A file without an entry, an entry without a file, or a file that fails otherwise (or not at all)
 * is an error.
 */
final class InvalidExampleCheck {
    static final String INVALID_FOLDER = "profiles/invalid/";

    List<Finding> check(List<ExampleValidation> validations, List<InvalidExampleExpectation> expectations, String manifestFile) {
        List<Finding> findings = new ArrayList<>();
        Map<String, InvalidExampleExpectation> byFile = new HashMap<>();
        for (InvalidExampleExpectation expectation : expectations) byFile.put(INVALID_FOLDER + expectation.file(), expectation);
        for (ExampleValidation validation : validations) {
            String file = validation.source().file();
            InvalidExampleExpectation expectation = byFile.remove(file);
            if (expectation == null) {
                findings.add(Finding.error(file, 0, 0, "deliberately invalid example has no entry in " + manifestFile
                        + ": declare the error it must produce"));
                continue;
            }
            boolean produced = validation.findings().stream().anyMatch(f -> f.isError()
                    && f.message().contains(expectation.expect().message())
                    && f.fhirPath().startsWith(expectation.expect().path()));
            if (!produced) {
                List<String> actual = validation.findings().stream().filter(Finding::isError)
                        .map(f -> f.message() + (f.fhirPath().isEmpty() ? "" : " (" + f.fhirPath() + ")")).toList();
                findings.add(Finding.error(file, 0, 0, "expected the error '" + expectation.expect().message() + "'"
                        + (expectation.expect().path().isEmpty() ? "" : " at " + expectation.expect().path())
                        + " but the validator reported " + (actual.isEmpty() ? "no error" : String.join("; ", actual))));
            }
        }
        for (InvalidExampleExpectation missing : byFile.values()) {
            findings.add(Finding.error(manifestFile, 0, 0, "no file " + INVALID_FOLDER + missing.file() + " for this manifest entry"));
        }
        return findings;
    }
}
