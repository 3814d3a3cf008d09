package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedDocument;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sidebar shows, from the spec's structure: each guideline document with its top-level sections, and
 * the artifacts grouped by kind (profiles, extensions, value sets, code systems, other resources, examples).
 * Only page paths and titles: the sidebar is rendered from it once per site, not once per page.
 */
public record Navigation(List<DocumentEntry> documents, List<Group> groups) {
    /** One link: a page path relative to the site root (with a {@code #fragment} for a section) and its title. */
    public record Link(String page, String title) {}

    public record DocumentEntry(String page, String title, List<Link> sections) {}

    /** A kind of artifact; {@code id} names its group in the rendered HTML (the group of the current page is opened). */
    public record Group(String id, String label, List<Link> links) {}

    public Navigation {
        documents = List.copyOf(documents);
        groups = List.copyOf(groups);
    }

    static Navigation of(List<ConvertedDocument> documents, List<ConformanceArtifact> artifacts, List<ExampleValidation> examples) {
        List<DocumentEntry> entries = new ArrayList<>();
        for (ConvertedDocument document : documents) {
            String page = document.source().pagePath();
            // Asciidoctor's level 1 is "==", an h2: the document's top-level sections
            List<Link> sections = document.headings().stream().filter(h -> h.level() == 1)
                    .map(h -> new Link(page + "#" + h.id(), h.title())).toList();
            entries.add(new DocumentEntry(page, document.title(), sections));
        }
        Map<String, List<Link>> byKind = new LinkedHashMap<>();
        for (String kind : List.of("profiles", "extensions", "valuesets", "codesystems", "other")) byKind.put(kind, new ArrayList<>());
        for (ConformanceArtifact artifact : artifacts) {
            Map<String, Object> model = ArtifactModel.of(artifact);
            byKind.get(kindOf(artifact, model)).add(new Link(artifact.key() + ".html", String.valueOf(model.getOrDefault("title", artifact.source().id()))));
        }
        List<Group> groups = new ArrayList<>();
        byKind.forEach((kind, links) -> {
            if (!links.isEmpty()) groups.add(new Group(kind, LABELS.get(kind), links));
        });
        if (!examples.isEmpty()) {
            groups.add(new Group("examples", LABELS.get("examples"), examples.stream()
                    .map(e -> new Link(e.source().key() + ".html", e.source().resourceType() + "/" + e.source().id())).toList()));
        }
        return new Navigation(entries, groups);
    }

    private static final Map<String, String> LABELS = Map.of(
            "profiles", "プロファイル Profiles",
            "extensions", "拡張 Extensions",
            "valuesets", "値集合 Value sets",
            "codesystems", "コードシステム Code systems",
            "other", "その他のリソース Other resources",
            "examples", "例 Examples");

    /** Page path to its group's id, for looking up many pages. */
    Map<String, String> groupIdsByPage() {
        Map<String, String> ids = new HashMap<>();
        for (Group group : groups) group.links().forEach(link -> ids.put(link.page(), group.id()));
        return ids;
    }

    /** The kind and title the artifact index shows too ({@link ArtifactModel}): one rule for both. */
    private static String kindOf(ConformanceArtifact artifact, Map<String, Object> model) {
        if (artifact.resource() instanceof StructureDefinition) return "extension".equals(model.get("kind")) ? "extensions" : "profiles";
        if (artifact.resource() instanceof ValueSet) return "valuesets";
        if (artifact.resource() instanceof CodeSystem) return "codesystems";
        return "other";
    }
}
