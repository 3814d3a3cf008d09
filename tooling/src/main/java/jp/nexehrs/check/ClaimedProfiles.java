package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.List;

/**
 * Every profile an example of the project claims in {@code meta.profile} must exist (in the project, its
 * dependencies or FHIR R4), in the version claimed ({@code url|version}). The validator, like the reference validator,
 * only warns about a profile it cannot find; in a specification's own examples it is a mistake (a typo, a renamed
 * profile), and an example left unchecked, so the build says so.
 */
final class ClaimedProfiles {
    static final String RULE_UNKNOWN = "example-profile-unknown";
    static final String RULE_VERSION = "example-profile-version";
    private final ConformanceSupport support;

    ClaimedProfiles(ConformanceSupport support) {
        this.support = support;
    }

    List<Finding> check(List<FhirSource> examples) {
        List<Finding> findings = new ArrayList<>();
        for (FhirSource example : examples) {
            for (String profile : example.claimedProfiles()) {
                if (support.fetchStructureDefinition(profile) != null) continue;
                int line = TextPositions.lineOf(example.text(), profile);
                int pipe = profile.indexOf('|');
                IBaseResource other = pipe < 0 ? null : support.fetchStructureDefinition(profile.substring(0, pipe));
                if (other instanceof StructureDefinition found) {
                    findings.add(new Finding(Severity.ERROR, example.file(), line, 0, "meta.profile", RULE_VERSION,
                            "the example claims version " + profile.substring(pipe + 1) + " of profile '" + profile.substring(0, pipe)
                                    + "', but the version here is " + (found.hasVersion() ? found.getVersion() : "unstated")
                                    + ": the example is not checked against it"));
                    continue;
                }
                findings.add(new Finding(Severity.ERROR, example.file(), line, 0, "meta.profile", RULE_UNKNOWN,
                        "the example claims profile '" + profile + "', which is not in this project, its dependencies or FHIR R4:"
                                + " the example is not checked against it"));
            }
        }
        return findings;
    }
}
