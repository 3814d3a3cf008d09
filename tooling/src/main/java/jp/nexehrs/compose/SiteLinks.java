package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.render.ArtifactLinks;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page model may link to: this project's artifacts by canonical URL, its profiles (to find derived
 * profiles and bindings to a value set), and the examples claiming each profile.
 */
record SiteLinks(ArtifactLinks links, List<StructureDefinition> profiles, Map<String, List<Map<String, String>>> examplesByProfile) {

    static SiteLinks of(ArtifactLinks links, List<StructureDefinition> profiles, List<ExampleValidation> examples) {
        Map<String, List<Map<String, String>>> byProfile = new HashMap<>();
        for (ExampleValidation example : examples) {
            for (String profile : example.source().claimedProfiles()) {
                byProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(Map.of("key", example.source().key(),
                        "label", example.source().resourceType() + "/" + example.source().id()));
            }
        }
        return new SiteLinks(links, List.copyOf(profiles), Map.copyOf(byProfile));
    }

    List<Map<String, String>> examplesClaiming(String profileUrl) {
        return examplesByProfile.getOrDefault(profileUrl, List.of());
    }
}
