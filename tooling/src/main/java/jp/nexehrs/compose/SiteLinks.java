package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTree;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page model may link to: this project's artifacts by canonical URL, and the cross-references between
 * pages (the profiles derived from each profile, the profile elements bound to each value set, the examples
 * claiming each profile). The cross-references are indexed once per site, so that a page looks its own up
 * instead of scanning every profile: composing stays linear in the number of artifacts.
 */
record SiteLinks(ArtifactLinks links, Map<String, List<String>> derivedByBase,
                 Map<String, List<Map<String, String>>> bindingsByValueSet,
                 Map<String, List<Map<String, String>>> examplesByProfile) {

    /** Reads each artifact's resource once, one at a time, and keeps none of them. */
    static SiteLinks of(ArtifactLinks links, List<ConformanceArtifact> conformance, List<ExampleValidation> examples, PagePaths paths) {
        Map<String, List<String>> derived = new HashMap<>();
        Map<String, List<Map<String, String>>> bindings = new HashMap<>();
        for (ConformanceArtifact artifact : conformance) {
            if (!(artifact.resource() instanceof StructureDefinition profile)) continue;
            if (profile.hasBaseDefinition()) derived.computeIfAbsent(profile.getBaseDefinition(), b -> new ArrayList<>()).add(profile.getUrl());
            ArtifactLinks.Link link = links.canonical(profile.getUrl(), "");
            for (ElementDefinition element : ElementTree.allowed(profile).values()) {
                if (!element.hasBinding() || !element.getBinding().hasValueSet()) continue;
                String bound = element.getBinding().getValueSet();
                // A binding to "url|version" binds the value set "url".
                String valueSet = bound.contains("|") ? bound.substring(0, bound.indexOf('|')) : bound;
                bindings.computeIfAbsent(valueSet, v -> new ArrayList<>()).add(Map.of("label", link.label(), "href", link.href(),
                        "path", element.getId(), "strength", element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() : ""));
            }
        }
        Map<String, List<Map<String, String>>> byProfile = new HashMap<>();
        for (ExampleValidation example : examples) {
            for (String profile : example.source().claimedProfiles()) {
                byProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(Map.of("key", example.source().key(), "page", paths.page(example.source()),
                        "label", example.source().resourceType() + "/" + example.source().id()));
            }
        }
        return new SiteLinks(links, Map.copyOf(derived), Map.copyOf(bindings), Map.copyOf(byProfile));
    }

    /** The canonical URLs of the profiles whose base is this profile, in the order of the project's profiles. */
    List<String> derivedFrom(String profileUrl) {
        return derivedByBase.getOrDefault(profileUrl, List.of());
    }

    /** Each profile element bound to this value set (profile link, element id, strength), in profile order. */
    List<Map<String, String>> bindingsTo(String valueSetUrl) {
        return bindingsByValueSet.getOrDefault(valueSetUrl, List.of());
    }

    List<Map<String, String>> examplesClaiming(String profileUrl) {
        return examplesByProfile.getOrDefault(profileUrl, List.of());
    }
}
