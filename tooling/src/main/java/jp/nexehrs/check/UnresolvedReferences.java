package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.MissingPackage;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When the project builds without dependencies that are not on this machine, every reference the build could not
 * resolve may point into them: a profile, extension, value set or code system, or a value set a required slice is
 * told apart by. Each such canonical becomes one
 * warning, {@code not checked: <url> (package <id>#<version> is missing)}, at its first place, never an error and
 * never silence. With every dependency present, findings pass unchanged.
 */
final class UnresolvedReferences {
    /** Findings, ours and the validator's, that say a canonical could not be found. */
    private static final Set<String> UNRESOLVED = Set.of(
            ConformanceRules.RULE_BINDING, ClaimedProfiles.RULE_UNKNOWN, ValueSetExpansions.RULE_SYSTEM_UNKNOWN,
            "Terminology_TX_ValueSet_NotFound", "TERMINOLOGY_TX_SYSTEM_UNSUPPORTED", "Terminology_TX_System_Unknown",
            "VALIDATION_VAL_PROFILE_UNKNOWN", "VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY", "VALIDATION_VAL_PROFILE_UNKNOWN_ERROR",
            "Extension_EXT_Unknown", "Extension_EXT_Unknown_NotHere", "Type_Specific_Checks_DT_Canonical_Resolve",
            "Reference_REF_CantResolveProfile", "TYPE_CHECKS_FIXED_CC_NOT_IN_VS");
    private static final Pattern CANONICAL = Pattern.compile("(?:https?://|urn:)[^\\s'\"|,)#]+(?:\\|[^\\s'\",)#]+)?");
    /** The validator's "required slice not found", with the slice and the profile: {@code Slice 'X.y:first': ... (from url|v)}. */
    private static final String SLICE_NOT_FOUND = "Validation_VAL_Profile_Minimum_SLICE";
    private static final Pattern SLICE_AND_PROFILE = Pattern.compile("Slice '([^']+)'.*\\(from ([^ )]+)\\)");

    private final List<MissingPackage> missing;
    private final ConformanceSupport support;

    /** @param support finds the profiles and value sets a finding names */
    UnresolvedReferences(List<MissingPackage> missing, ConformanceSupport support) {
        this.missing = List.copyOf(missing);
        this.support = support;
    }

    List<Finding> apply(List<Finding> findings) {
        if (missing.isEmpty()) return findings;
        String packages = missing.stream().map(MissingPackage::label).collect(Collectors.joining(", "))
                + (missing.size() == 1 ? " is" : " are") + " missing";
        Set<String> reported = new HashSet<>();
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<String> url = unresolvedCanonical(finding);
            if (url.isEmpty()) {
                result.add(finding);
            } else if (reported.add(url.get())) {
                result.add(new Finding(Severity.WARNING, finding.file(), finding.line(), finding.column(), finding.fhirPath(),
                        "not-checked-missing-package", "not checked: " + url.get() + " (" + (missing.size() == 1 ? "package " : "packages ")
                        + packages + ")"));
            }
        }
        return result;
    }

    private Optional<String> unresolvedCanonical(Finding finding) {
        if (SLICE_NOT_FOUND.equals(finding.messageId())) return unresolvedValueSetOfSlice(finding.message());
        boolean unresolved = UNRESOLVED.contains(finding.messageId())
                || finding.message().toLowerCase(Locale.ROOT).contains("codesystem is unknown");
        if (!unresolved || finding.severity() == Severity.INFORMATION) return Optional.empty();
        Matcher matcher = CANONICAL.matcher(finding.message());
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /**
     * A slice told apart by a value set's codes (a value discriminator on a bound element) cannot match when the value
     * set is in a missing package: the example was not wrong, it could not be checked.
     */
    private Optional<String> unresolvedValueSetOfSlice(String message) {
        Matcher matcher = SLICE_AND_PROFILE.matcher(message);
        if (!matcher.find() || !(support.fetchStructureDefinition(matcher.group(2)) instanceof StructureDefinition profile)) return Optional.empty();
        String slice = matcher.group(1);
        return profile.getSnapshot().getElement().stream()
                .filter(e -> e.hasId() && (e.getId().equals(slice) || e.getId().startsWith(slice + ".")))
                .filter(e -> e.hasBinding() && e.getBinding().hasValueSet())
                .map(e -> e.getBinding().getValueSet())
                .filter(valueSet -> support.chain().fetchValueSet(valueSet) == null)
                .findFirst();
    }
}
