package jp.nexehrs.check;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.JsonElementPositions;
import jp.nexehrs.fhir.LibraryMessages;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates resources with org.hl7.fhir.validation (through HAPI's FhirInstanceValidator) against their
 * {@code meta.profile} or, when absent, their base resource. One instance is shared by all threads of a run. Building
 * one takes seconds (the validator reads every StructureDefinition): build it once, when it is needed.
 */
public final class InstanceValidator {
    static final String NOT_CHECKED_OFFLINE = "not checked offline: ";
    /** A code the terminology could not find, and its system: {@code Unknown code "http://loinc.org#LA20271-5"}. */
    private static final Pattern UNKNOWN_CODE = Pattern.compile("Unknown code ['\"]([^#'\"]+)#");
    /** A ValueSet filter's value checked against its code system: {@code must be a valid code from the system 'http://snomed.info/sct'}. */
    private static final Pattern FILTER_VALUE_CODE = Pattern.compile("must be a valid code from the system '([^']+)'");
    private final FhirValidator validator;
    private final ConformanceSupport support;

    public InstanceValidator(ConformanceSupport support) {
        this(support, ValidationSetup.forBuild());
    }

    public InstanceValidator(ConformanceSupport support, ValidationSetup settings) {
        this.support = support;
        ReusingInstanceValidatorModule module = new ReusingInstanceValidatorModule(support.chain(), support.pins());
        module.setAnyExtensionsAllowed(false);
        module.setAllowExamples(settings.exampleExtensionsAllowed());
        module.setCustomExtensionDomains(settings.extensionDomains());
        settings.bestPractice().ifPresent(module::setBestPracticeWarningLevel);
        module.setAssumeValidRestReferences(settings.assumeValidRestReferences());
        // As the reference validator: a profile it cannot find is a warning (the build's examples are held to
        // their claimed profiles by ClaimedProfiles; an implementer's file may name profiles we do not have).
        module.setErrorForUnknownProfiles(false);
        module.setValidatorPolicyAdvisor(new FullValidationPolicy());
        validator = support.engine().context().newValidator().registerValidatorModule(module);
        validator.setConcurrentBundleValidation(false);
        module.prepare();
    }

    public List<Finding> validate(FhirSource source) {
        return validate(source, new ValidationOptions());
    }

    /** Validates against {@code profile} (a canonical URL), whatever profiles the resource claims. */
    public List<Finding> validate(FhirSource source, String profile) {
        return validate(source, List.of(profile));
    }

    /** Validates against the profiles the resource claims and {@code profiles} (canonical URLs) too. */
    public List<Finding> validate(FhirSource source, List<String> profiles) {
        ValidationOptions options = new ValidationOptions();
        profiles.forEach(options::addProfile);
        return validate(source, options);
    }

    private List<Finding> validate(FhirSource source, ValidationOptions options) {
        try {
            return findingsOf(source, validator.validateWithResult(source.text(), options));
        } catch (RuntimeException e) {
            // The validator throws on a definition it cannot use (e.g. a profile whose snapshot it rejects): one
            // resource's error, not the end of the run.
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.isEmpty() || LibraryMessages.isInternalFailure(message)) {
                return List.of(new Finding(Severity.WARNING, source.file(), 0, 0, "", "validator-internal-failure",
                        LibraryMessages.internalFailure("")));
            }
            return List.of(new Finding(Severity.ERROR, source.file(), 0, 0, "", "validator-exception",
                    "the validator could not validate this resource: " + LibraryMessages.clean(message)));
        }
    }

    private List<Finding> findingsOf(FhirSource source, ValidationResult result) {
        List<Finding> findings = new ArrayList<>();
        Optional<JsonElementPositions> positions = source.format() == ResourceFormat.JSON
                ? JsonElementPositions.of(source.text()) : Optional.empty();
        for (SingleValidationMessage message : result.getMessages()) {
            Finding finding = toFinding(source.file(), message);
            findings.add(positions.map(p -> placed(finding, p)).orElse(finding));
        }
        return withoutEchoes(findings);
    }

    /**
     * The finding at the nearest element of its FHIRPath that exists in the file, where the validator could not place
     * it (no position, or the opening brace of the resource, where it puts e.g. a missing required element).
     */
    private static Finding placed(Finding finding, JsonElementPositions positions) {
        if (finding.fhirPath().isEmpty()) return finding;
        if (finding.line() > 0 && !positions.isRootOpening(finding.line(), finding.column())) return finding;
        JsonElementPositions.Position at = positions.nearest(finding.fhirPath());
        return new Finding(finding.severity(), finding.file(), at.line(), at.column(), finding.fhirPath(), finding.messageId(), finding.message());
    }

    /**
     * The same problem once: the terminology service's own message, which the validator passes on beside its verdict on
     * the same element ("Unknown code …" beside "the value is not in the value set …"), is dropped when that verdict
     * is at least as severe.
     */
    static List<Finding> withoutEchoes(List<Finding> findings) {
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            boolean echo = finding.messageId().equals(I18nConstants.TERMINOLOGY_PASSTHROUGH_TX_MESSAGE) && findings.stream().anyMatch(other ->
                    other != finding && other.messageId().startsWith("Terminology_TX_") && other.fhirPath().equals(finding.fhirPath())
                            && other.severity().compareTo(finding.severity()) <= 0);
            if (!echo) kept.add(finding);
        }
        return kept;
    }

    private Finding toFinding(String file, SingleValidationMessage message) {
        String raw = message.getMessage() == null ? "" : message.getMessage();
        int line = message.getLocationLine() == null ? 0 : message.getLocationLine();
        int column = message.getLocationCol() == null ? 0 : message.getLocationCol();
        String fhirPath = message.getLocationString() == null ? "" : message.getLocationString();
        if (LibraryMessages.isInternalFailure(raw)) {
            return new Finding(Severity.WARNING, file, line, column, fhirPath, "validator-internal-failure", LibraryMessages.internalFailure(fhirPath));
        }
        String text = LibraryMessages.clean(raw);
        Severity severity = severityOf(message.getSeverity());
        if (isUnavailableTerminology(text) || isCodeOfUnavailableSystem(text)) {
            severity = Severity.WARNING;
            text = NOT_CHECKED_OFFLINE + text;
        }
        return new Finding(severity, file, line, column, fhirPath, message.getMessageId(), text);
    }

    /**
     * Code systems that are not available offline (LOINC, SNOMED CT, Japanese national code systems): the
     * validator cannot say whether the code is right, so this is never an error.
     */
    static boolean isUnavailableTerminology(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("codesystem is unknown") || lower.contains("code system is unknown")
                || lower.contains("unknown code system") || lower.contains("unable to expand valueset")
                || lower.contains("a definition for codesystem") || lower.contains("could not be found, so the code cannot be validated");
    }

    /**
     * "Unknown code" where the code system itself is not here (e.g. a LOINC answer code listed in a Questionnaire's
     * value set, or a SNOMED CT concept a ValueSet filters on): whether the code exists cannot be known offline.
     */
    private boolean isCodeOfUnavailableSystem(String message) {
        for (Pattern pattern : List.of(UNKNOWN_CODE, FILTER_VALUE_CODE)) {
            Matcher matcher = pattern.matcher(message);
            if (matcher.find()) return !support.hasCodeSystem(matcher.group(1));
        }
        return false;
    }

    private static Severity severityOf(ResultSeverityEnum severity) {
        return switch (severity) {
            case FATAL, ERROR -> Severity.ERROR;
            case WARNING -> Severity.WARNING;
            case INFORMATION -> Severity.INFORMATION;
        };
    }
}
