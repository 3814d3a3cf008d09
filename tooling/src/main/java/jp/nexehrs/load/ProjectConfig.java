package jp.nexehrs.load;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The project's configuration: who publishes what, under which identity, and where its sources are. Read from
 * {@code nexehrs.yaml}, or, for a guide in the IG Publisher's layout without one, from its {@code sushi-config.yaml}
 * ({@link IgPublisherConfig}): either way this record is the one result, and no later stage asks which file it was.
 */
public record ProjectConfig(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String canonical,
        @JsonProperty(required = true) String version,
        @JsonProperty(required = true) String fhirVersion,
        @JsonProperty(required = true) Title title,
        @JsonProperty(required = true) String status,
        @JsonProperty(required = true) String publisher,
        @JsonProperty(required = true) String license,
        String description,
        String repository,
        List<Dependency> dependencies,
        List<Suppression> suppress,
        Boolean pdf,
        List<String> canonicals,
        MissingDependencies missingDependencies,
        FileNames fileNames,
        Layout layout,
        List<Page> pages,
        List<MenuItem> menu,
        String language,
        String jurisdiction,
        List<Contact> contact,
        String copyright,
        Boolean experimental) {

    public ProjectConfig {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        canonicals = canonicals == null ? List.of() : List.copyOf(canonicals);
        missingDependencies = missingDependencies == null ? MissingDependencies.ERROR : missingDependencies;
        fileNames = fileNames == null ? FileNames.FREE : fileNames;
        layout = layout == null ? Layout.NEXEHRS : layout;
        pages = pages == null ? List.of() : List.copyOf(pages);
        menu = menu == null ? List.of() : List.copyOf(menu);
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
        description = description == null ? "" : description;
        repository = repository == null ? "" : repository;
        pdf = pdf != null && pdf;
        contact = contact == null ? List.of() : List.copyOf(contact);
    }

    /** A configuration with the {@code nexehrs} layout and no page list or menu of its own. */
    public ProjectConfig(String id, String canonical, String version, String fhirVersion, Title title, String status, String publisher,
                         String license, String description, String repository, List<Dependency> dependencies, List<Suppression> suppress,
                         Boolean pdf, List<String> canonicals, MissingDependencies missingDependencies, FileNames fileNames) {
        this(id, canonical, version, fhirVersion, title, status, publisher, license, description, repository, dependencies, suppress,
                pdf, canonicals, missingDependencies, fileNames, Layout.NEXEHRS, List.of(), List.of(), null, null, null, null, null);
    }

    /** The suffix a draft's version gets: see {@link #asDraft()}. */
    public static final String DRAFT_LABEL = "cibuild";

    /**
     * This configuration as a draft build publishes it: {@code 0.1.0} becomes {@code 0.1.0-cibuild}, and a pre-release
     * {@code 1.3.0-ballot1} becomes {@code 1.3.0-ballot1.cibuild}. The IG Publisher files its continuous builds under the
     * package version {@code current}, which is no version at all to npm or a FHIR package cache; a SemVer pre-release
     * of the version being prepared sorts before that release and can never be taken for it.
     */
    public ProjectConfig asDraft() {
        String draft = version + (version.contains("-") ? "." : "-") + DRAFT_LABEL;
        return new ProjectConfig(id, canonical, draft, fhirVersion, title, status, publisher, license, description, repository, dependencies,
                suppress, pdf, canonicals, missingDependencies, fileNames, layout, pages, menu, language, jurisdiction, contact, copyright, experimental);
    }

    /** Whether the guide is written in Japanese: {@code language} is {@code ja} (or {@code ja-JP}), or not given. */
    public boolean japanese() {
        return language == null || language.equals("ja") || language.startsWith("ja-");
    }

    /** Every setting that is written into the project's conformance resources besides the version: part of the build cache's keys. */
    public String publishedMetadata() {
        return String.join("|", String.valueOf(language), String.valueOf(jurisdiction), contact.toString(), String.valueOf(copyright),
                String.valueOf(experimental));
    }

    /** The publisher's contact details as {@code nexehrs.yaml} gives them (ContactDetail in FHIR). */
    public record Contact(String name, String email, String url) {}

    /** Whether every build makes PDFs of the guidelines (when the Japanese fonts are installed); off by default because it is slow. */
    public boolean wantsPdf() {
        return pdf;
    }

    /** Every canonical base the project owns: {@code canonical} first, then the other bases of {@code canonicals}. */
    public List<String> ownBases() {
        List<String> bases = new java.util.ArrayList<>(List.of(canonical));
        canonicals.stream().map(base -> base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                .filter(base -> !bases.contains(base)).forEach(bases::add);
        return List.copyOf(bases);
    }

    /** Whether {@code url} sits under one of the project's own bases. */
    public boolean owns(String url) {
        return url != null && ownBases().stream().anyMatch(base -> url.startsWith(base + "/"));
    }

    /** What a dependency that is not on this machine does to the build. */
    public enum MissingDependencies {
        /** Stop with exit 2, listing every missing package (the default: nothing is left unchecked silently). */
        @JsonProperty("error") ERROR,
        /** Go on: each reference into a missing package is a "not checked" warning. */
        @JsonProperty("warn") WARN
    }

    /** Whether a resource file's name must agree with its content ({@code Patient-x.json} holds a Patient). */
    public enum FileNames {
        /** A name that says another type, or a folder of another kind, is a warning. */
        @JsonProperty("strict") STRICT,
        /** Files are named freely, as many published guides do (the default). */
        @JsonProperty("free") FREE
    }

    /** Where the project keeps its sources. */
    public enum Layout {
        /** {@code spec/*.adoc} documents, {@code profiles/} resources (the default). */
        @JsonProperty("nexehrs") NEXEHRS,
        /**
         * The IG Publisher's: Markdown pages in {@code input/pagecontent/}, artifact intros and notes in
         * {@code input/intro-notes/}, resources in {@code input/resources/}, {@code input/examples/} and the like,
         * images in {@code input/images/}.
         */
        @JsonProperty("ig-publisher") IG_PUBLISHER
    }

    /**
     * A page of the guide, in the order and nesting the guide's table of contents gives them.
     *
     * @param file  the page's source file name, e.g. {@code guide-general.md}
     * @param title the title the page is shown with (empty: the page's own first heading)
     * @param pages the pages under it
     */
    public record Page(@JsonProperty(required = true) String file, String title, List<Page> pages) {
        public Page {
            title = title == null ? "" : title;
            pages = pages == null ? List.of() : List.copyOf(pages);
        }
    }

    /**
     * An entry of the guide's menu: a link ({@code page}) or a submenu ({@code items}).
     *
     * @param page a page of the site or a URL, as the guide wrote it; empty for a submenu
     */
    public record MenuItem(@JsonProperty(required = true) String title, String page, List<MenuItem> items) {
        public MenuItem {
            page = page == null ? "" : page;
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** Every page of {@link #pages}, depth first: the order the guide reads in. */
    public List<Page> pagesInOrder() {
        List<Page> ordered = new java.util.ArrayList<>();
        java.util.ArrayDeque<Page> stack = new java.util.ArrayDeque<>();
        for (int i = pages.size() - 1; i >= 0; i--) stack.push(pages.get(i));
        while (!stack.isEmpty()) {
            Page page = stack.pop();
            ordered.add(page);
            for (int i = page.pages().size() - 1; i >= 0; i--) stack.push(page.pages().get(i));
        }
        return List.copyOf(ordered);
    }

    /** The title in Japanese (the page language) and in English. */
    public record Title(@JsonProperty(required = true) String ja, @JsonProperty(required = true) String en) {}

    /** A FHIR package this project builds on; {@code path} is a .tgz or folder, else the FHIR package cache is used. */
    public record Dependency(@JsonProperty(required = true) String id, @JsonProperty(required = true) String version, String path) {}

    /** The project's FHIR NPM package file name. */
    public String packageFileName() {
        return id + "-" + version + ".tgz";
    }
}
