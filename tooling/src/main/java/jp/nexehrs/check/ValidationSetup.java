package jp.nexehrs.check;

import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;

import java.util.List;
import java.util.Optional;

/**
 * The validator set-up that a run may choose (named apart from HAPI's own ValidatorSettings, which the
 * validator module also uses). The build uses {@link #forBuild()}; the HL7 test
 * harness (the oracle) runs with example domains allowed and with the options each test case states.
 *
 * @param exampleExtensionsAllowed  whether an undefined extension under example.org or acme.com is accepted
 *                                  (the HL7 validator's "allow examples"); the build says no, so a published
 *                                  example never carries an extension nobody defined
 * @param extensionDomains          URL prefixes under which undefined extensions are accepted
 * @param bestPractice              the level of best-practice findings; empty for the validator's default (warning)
 * @param assumeValidRestReferences whether a RESTful reference is taken to point to a resource of the right type
 */
public record ValidationSetup(boolean exampleExtensionsAllowed, List<String> extensionDomains,
                                Optional<BestPracticeWarningLevel> bestPractice, boolean assumeValidRestReferences) {
    public ValidationSetup {
        extensionDomains = List.copyOf(extensionDomains);
    }

    public static ValidationSetup forBuild() {
        return new ValidationSetup(false, List.of(), Optional.empty(), false);
    }
}
