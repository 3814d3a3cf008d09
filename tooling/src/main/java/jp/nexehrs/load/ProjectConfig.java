package jp.nexehrs.load;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** {@code nexehrs.yaml}: who publishes what, under which identity. */
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
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
        description = description == null ? "" : description;
        repository = repository == null ? "" : repository;
        pdf = pdf != null && pdf;
        contact = contact == null ? List.of() : List.copyOf(contact);
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
                suppress, pdf, canonicals, missingDependencies, fileNames, language, jurisdiction, contact, copyright, experimental);
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

    /** The title in Japanese (the page language) and in English. */
    public record Title(@JsonProperty(required = true) String ja, @JsonProperty(required = true) String en) {}

    /** A FHIR package this project builds on; {@code path} is a .tgz or folder, else the FHIR package cache is used. */
    public record Dependency(@JsonProperty(required = true) String id, @JsonProperty(required = true) String version, String path) {}

    /** The project's FHIR NPM package file name. */
    public String packageFileName() {
        return id + "-" + version + ".tgz";
    }
}
