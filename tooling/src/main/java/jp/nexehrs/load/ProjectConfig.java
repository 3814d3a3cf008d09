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
        Boolean pdf) {

    public ProjectConfig {
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
        description = description == null ? "" : description;
        repository = repository == null ? "" : repository;
        pdf = pdf != null && pdf;
    }

    /** Whether every build makes PDFs of the guidelines (when the Japanese fonts are installed); off by default because it is slow. */
    public boolean wantsPdf() {
        return pdf;
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
