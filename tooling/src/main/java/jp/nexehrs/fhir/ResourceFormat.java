package jp.nexehrs.fhir;

import java.util.Locale;
import java.util.Optional;

/** The two serialisations the project accepts for FHIR resources. */
public enum ResourceFormat {
    JSON, XML;

    public static Optional<ResourceFormat> ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) return Optional.of(JSON);
        if (lower.endsWith(".xml")) return Optional.of(XML);
        return Optional.empty();
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
