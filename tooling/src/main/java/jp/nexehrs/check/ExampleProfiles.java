package jp.nexehrs.check;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.GuideDeclaration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The profiles an example is checked against: those it claims in {@code meta.profile} that can be found (by version
 * where the claim names one), the profile the guide's ImplementationGuide says it is an example of, and the guide's
 * global profiles for its type. The validator applies the claims itself; the others are passed to it explicitly.
 */
final class ExampleProfiles {
    private static final String CORE_BASE = "http://hl7.org/fhir/StructureDefinition/";
    private final ConformanceSupport support;
    private final Optional<GuideDeclaration> guide;

    ExampleProfiles(ConformanceSupport support, Optional<GuideDeclaration> guide) {
        this.support = support;
        this.guide = guide;
    }

    /** The profiles to check {@code example} against, in order; claims first. */
    record Selection(List<String> claimed, List<String> added) {
        List<String> all() {
            List<String> all = new ArrayList<>(claimed);
            all.addAll(added);
            return all;
        }
    }

    Selection of(FhirSource example) {
        Set<String> claimed = new LinkedHashSet<>();
        for (String claim : example.claimedProfiles()) {
            if (support.fetchStructureDefinition(claim) != null) claimed.add(claim);
        }
        Set<String> added = new LinkedHashSet<>();
        guide.flatMap(g -> g.entry(example.resourceType(), example.id())).flatMap(GuideDeclaration.Entry::exampleOf)
                .filter(url -> support.fetchStructureDefinition(url) != null).ifPresent(added::add);
        guide.ifPresent(g -> g.globalProfiles(example.resourceType()).stream()
                .filter(url -> support.fetchStructureDefinition(url) != null).forEach(added::add));
        // A claim of url|version already applies the profile the guide names as url.
        Set<String> claimedUrls = new HashSet<>();
        claimed.forEach(claim -> claimedUrls.add(withoutVersion(claim)));
        added.removeIf(url -> claimedUrls.contains(withoutVersion(url)));
        return new Selection(List.copyOf(claimed), List.copyOf(added));
    }

    private static String withoutVersion(String canonical) {
        int pipe = canonical.indexOf('|');
        return pipe < 0 ? canonical : canonical.substring(0, pipe);
    }

    /** What the example's page and the QA report say it was checked against. */
    static List<String> checkedAgainst(FhirSource example, Selection selection) {
        List<String> all = selection.all();
        return all.isEmpty() ? List.of(CORE_BASE + example.resourceType()) : all;
    }
}
