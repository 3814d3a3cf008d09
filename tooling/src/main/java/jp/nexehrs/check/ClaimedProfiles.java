package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;

import java.util.ArrayList;
import java.util.List;

/**
 * Every profile an example of the project claims in {@code meta.profile} must exist (in the project, its
 * dependencies or FHIR R4). The validator, like the reference validator, only warns about a profile it cannot
 * find; in a specification's own examples it is a mistake (a typo, a renamed profile), so the build says so.
 */
final class ClaimedProfiles {
    private final ConformanceSupport support;

    ClaimedProfiles(ConformanceSupport support) {
        this.support = support;
    }

    List<Finding> check(List<FhirSource> examples) {
        List<Finding> findings = new ArrayList<>();
        for (FhirSource example : examples) {
            for (String profile : example.claimedProfiles()) {
                String url = profile.contains("|") ? profile.substring(0, profile.indexOf('|')) : profile;
                if (support.fetchStructureDefinition(url) != null) continue;
                findings.add(new Finding(Severity.ERROR, example.file(), TextPositions.lineOf(example.text(), profile), 0,
                        "meta.profile", "example-profile-unknown", "the example claims profile '" + profile
                        + "', which is not in this project, its dependencies or FHIR R4"));
            }
        }
        return findings;
    }
}
