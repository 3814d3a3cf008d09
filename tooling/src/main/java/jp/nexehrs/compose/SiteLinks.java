package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.render.ArtifactLinks;
import jp.nexehrs.render.ElementTree;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every page model may link to: this project's artifacts by canonical URL, and the cross-references between
 * pages (the profiles derived from each profile, the profile elements bound to each value set, the examples
 * claiming each profile, and each artifact's usages: the profiles, examples and documents that use it). The
 * cross-references are indexed once per site, so that a page looks its own up instead of scanning every profile:
 * composing stays linear in the number of artifacts.
 */
record SiteLinks(ArtifactLinks links, Map<String, List<String>> derivedByBase,
                 Map<String, List<Map<String, String>>> bindingsByValueSet,
                 Map<String, List<Map<String, String>>> examplesByProfile,
                 Map<String, List<Map<String, String>>> profilesUsing,
                 Map<String, List<Map<String, String>>> examplesUsing,
                 Map<String, List<Map<String, String>>> documentsLinking) {

    /** Reads each artifact's and example's resource once, one at a time, and keeps none of them. */
    static SiteLinks of(ArtifactLinks links, List<ConformanceArtifact> conformance, List<ExampleValidation> examples,
                        List<ConvertedDocument> documents, PagePaths paths) {
        Map<String, List<String>> derived = new HashMap<>();
        Map<String, List<Map<String, String>>> bindings = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> profilesUsing = new HashMap<>();
        for (ConformanceArtifact artifact : conformance) {
            if (!(artifact.resource() instanceof StructureDefinition profile)) continue;
            if (profile.hasBaseDefinition()) derived.computeIfAbsent(profile.getBaseDefinition(), b -> new ArrayList<>()).add(profile.getUrl());
            ArtifactLinks.Link link = links.canonical(profile.getUrl(), "");
            Map<String, String> profileLink = Map.of("label", link.label(), "href", link.href(), "url", profile.getUrl());
            if (profile.hasBaseDefinition()) uses(profilesUsing, profile.getBaseDefinition(), profileLink);
            for (ElementDefinition element : ElementTree.allowed(profile).values()) {
                for (ElementDefinition.TypeRefComponent type : element.getType()) {
                    type.getProfile().forEach(p -> uses(profilesUsing, p.getValue(), profileLink));
                    type.getTargetProfile().forEach(p -> uses(profilesUsing, p.getValue(), profileLink));
                }
                if (!element.hasBinding() || !element.getBinding().hasValueSet()) continue;
                String valueSet = withoutVersion(element.getBinding().getValueSet());
                uses(profilesUsing, valueSet, profileLink);
                bindings.computeIfAbsent(valueSet, v -> new ArrayList<>()).add(Map.of("label", link.label(), "href", link.href(),
                        "path", element.getId(), "strength", element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() : ""));
            }
        }
        Map<String, List<Map<String, String>>> byProfile = new HashMap<>();
        Map<String, Map<String, Map<String, String>>> examplesUsing = new HashMap<>();
        for (ExampleValidation example : examples) {
            Map<String, String> exampleLink = Map.of("key", example.source().key(), "page", paths.page(example.source()),
                    "label", example.source().resourceType() + "/" + example.source().id());
            for (String profile : example.source().claimedProfiles()) {
                byProfile.computeIfAbsent(profile, p -> new ArrayList<>()).add(exampleLink);
                uses(examplesUsing, profile, exampleLink);
            }
            for (String extension : extensionUrls(example.source().resource())) uses(examplesUsing, extension, exampleLink);
        }
        Map<String, Map<String, Map<String, String>>> documentsLinking = new HashMap<>();
        for (ConvertedDocument document : documents) {
            Map<String, String> documentLink = Map.of("label", document.title(), "page", document.source().pagePath());
            document.linkedArtifacts().forEach(key -> uses(documentsLinking, key, documentLink));
        }
        return new SiteLinks(links, Map.copyOf(derived), Map.copyOf(bindings), Map.copyOf(byProfile), lists(profilesUsing),
                lists(examplesUsing), lists(documentsLinking));
    }

    /** Records that {@code user} uses {@code used} (once, in the order first seen). */
    private static void uses(Map<String, Map<String, Map<String, String>>> index, String used, Map<String, String> user) {
        String page = user.containsKey("href") ? user.get("href") : user.get("page");
        index.computeIfAbsent(withoutVersion(used), u -> new LinkedHashMap<>()).putIfAbsent(page, user);
    }

    private static Map<String, List<Map<String, String>>> lists(Map<String, Map<String, Map<String, String>>> index) {
        Map<String, List<Map<String, String>>> lists = new HashMap<>();
        index.forEach((used, users) -> lists.put(used, List.copyOf(users.values())));
        return Map.copyOf(lists);
    }

    /** Every extension URL an example uses, anywhere in it (contained resources too). */
    private static Set<String> extensionUrls(IBaseResource resource) {
        Set<String> urls = new TreeSet<>();
        if (resource instanceof Base base) collectExtensions(base, urls);
        return urls;
    }

    private static void collectExtensions(Base base, Set<String> urls) {
        if (base instanceof Extension extension && extension.hasUrl()) urls.add(extension.getUrl());
        for (Property property : base.children()) {
            if (!property.hasValues()) continue;
            for (Base child : property.getValues()) if (child != null) collectExtensions(child, urls);
        }
    }

    private static String withoutVersion(String canonical) {
        // A reference to "url|version" uses the artifact "url".
        return canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
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

    /**
     * Where an artifact is used: the project's profiles that derive from it, use it as a type, target or extension
     * or bind to it; the examples that claim it or use it as an extension; the documents that link to it or show
     * its elements.
     */
    Map<String, Object> usages(String canonical, String key) {
        String url = canonical == null ? "" : canonical;
        List<Map<String, String>> profiles = url.isEmpty() ? List.of() : profilesUsing.getOrDefault(url, List.of()).stream()
                .filter(p -> !url.equals(p.get("url"))).toList();
        List<Map<String, String>> examples = url.isEmpty() ? List.of() : examplesUsing.getOrDefault(url, List.of());
        List<Map<String, String>> documents = documentsLinking.getOrDefault(key, List.of());
        return Map.of("profiles", profiles, "examples", examples, "documents", documents,
                "any", !profiles.isEmpty() || !examples.isEmpty() || !documents.isEmpty());
    }
}
