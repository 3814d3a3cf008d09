package jp.nexehrs.load;

import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * A FHIR NPM package this project (or a validation run) builds on, read from disk: its name and version as its
 * {@code package/package.json} states them, where it was read from (for messages), and its conformance
 * resources (StructureDefinition, ValueSet, CodeSystem, SearchParameter) parsed as R4 resources. The resources
 * must be treated as read-only: later stages copy them before changing them.
 */
public record LoadedPackage(String id, String version, String origin, List<IBaseResource> conformance) {
    public LoadedPackage {
        conformance = List.copyOf(conformance);
    }

    /** {@code id#version}, the way the FHIR package cache names a package. */
    public String label() {
        return id + "#" + version;
    }
}
