package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.load.PagePaths;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sidebar shows, from the spec's structure: each guideline document with its top-level sections, and
 * the artifacts grouped by kind (profiles, extensions, value sets, code systems, other resources, examples).
 * Only page paths and titles: the sidebar is rendered from it once per site, not once per page.
 *
 * <p>A group lists at most {@link #LINKS_PER_GROUP} artifacts and links to the artifact index for the rest: every
 * page carries the sidebar, so a full list would make the site's size grow with pages times artifacts (sizes in
 * tooling/BENCHMARKS.md).
 *
 * @param groupIdsByPage every artifact page (listed or not) to its group's id, so the page's group is opened
 */
public record Navigation(List<DocumentEntry> documents, List<Group> groups, Map<String, String> groupIdsByPage) {
    static final int LINKS_PER_GROUP = 40;

    /** One link: a page path relative to the site root (with a {@code #fragment} for a section) and its title. */
    public record Link(String page, String title) {}

    public record DocumentEntry(String page, String title, List<Link> sections) {}

    /**
     * A kind of artifact; {@code id} names its group in the rendered HTML (the group of the current page is opened).
     *
     * @param links the first {@link #LINKS_PER_GROUP} of the group's {@code total} artifacts
     */
    public record Group(String id, String label, List<Link> links, int total) {
        public Group {
            links = List.copyOf(links);
        }

        /** The group of all {@code links}, listing the first {@link #LINKS_PER_GROUP}. */
        static Group of(String id, String label, List<Link> links) {
            return new Group(id, label, links.subList(0, Math.min(LINKS_PER_GROUP, links.size())), links.size());
        }

        public boolean truncated() {
            return links.size() < total;
        }
    }

    public Navigation {
        documents = List.copyOf(documents);
        groups = List.copyOf(groups);
        groupIdsByPage = Map.copyOf(groupIdsByPage);
    }

    /** @param artifacts each conformance artifact's {@link ArtifactModel}, in the artifacts' order */
    static Navigation of(List<ConvertedDocument> documents, List<Map<String, Object>> artifacts, List<ExampleValidation> examples,
                         PagePaths paths) {
        List<DocumentEntry> entries = new ArrayList<>();
        for (ConvertedDocument document : documents) {
            String page = document.source().pagePath();
            // Asciidoctor's level 1 is "==", an h2: the document's top-level sections
            List<Link> sections = document.headings().stream().filter(h -> h.level() == 1)
                    .map(h -> new Link(page + "#" + h.id(), h.title())).toList();
            entries.add(new DocumentEntry(page, document.title(), sections));
        }
        Map<String, List<Link>> byKind = new LinkedHashMap<>();
        for (Kind kind : KINDS) byKind.put(kind.id(), new ArrayList<>());
        for (Map<String, Object> model : artifacts) {
            byKind.get(kindOf(model)).add(new Link(String.valueOf(model.get("page")), String.valueOf(model.getOrDefault("title", model.get("id")))));
        }
        byKind.put(EXAMPLES, examples.stream()
                .map(e -> new Link(paths.page(e.source()), e.source().resourceType() + "/" + e.source().id())).toList());
        List<Group> groups = new ArrayList<>();
        Map<String, String> groupIdsByPage = new HashMap<>();
        byKind.forEach((kind, links) -> {
            if (links.isEmpty()) return;
            groups.add(Group.of(kind, label(kind), links));
            links.forEach(link -> groupIdsByPage.put(link.page(), kind));
        });
        return new Navigation(entries, groups, groupIdsByPage);
    }

    /** A kind of artifact: the id of its group, its Japanese and English names. */
    public record Kind(String id, String japanese, String english) {}

    static final String EXAMPLES = "examples";

    /** The kinds in the order the sidebar and the artifact index show them; examples last. */
    static final List<Kind> KINDS = List.of(
            new Kind("profiles", "プロファイル", "Profiles"),
            new Kind("extensions", "拡張", "Extensions"),
            new Kind("valuesets", "値集合", "Value sets"),
            new Kind("codesystems", "コードシステム", "Code systems"),
            new Kind("conceptmaps", "概念マップ", "Concept maps"),
            new Kind("namingsystems", "命名システム", "Naming systems"),
            new Kind("searchparameters", "検索パラメータ", "Search parameters"),
            new Kind("operations", "操作定義", "Operation definitions"),
            new Kind("capabilities", "機能宣言", "Capability statements"),
            new Kind("other", "その他のリソース", "Other resources"),
            new Kind(EXAMPLES, "例", "Examples"));

    private static String label(String kind) {
        return KINDS.stream().filter(k -> k.id().equals(kind)).map(k -> k.japanese() + " " + k.english()).findFirst().orElse(kind);
    }

    /** The kind and title the artifact index shows too ({@link ArtifactModel}): one rule for both. */
    static String kindOf(Map<String, Object> model) {
        return switch (String.valueOf(model.get("type"))) {
            case "StructureDefinition" -> "extension".equals(model.get("kind")) ? "extensions" : "profiles";
            case "ValueSet" -> "valuesets";
            case "CodeSystem" -> "codesystems";
            case "ConceptMap" -> "conceptmaps";
            case "NamingSystem" -> "namingsystems";
            case "SearchParameter" -> "searchparameters";
            case "OperationDefinition" -> "operations";
            case "CapabilityStatement" -> "capabilities";
            default -> "other";
        };
    }
}
