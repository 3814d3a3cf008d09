package jp.nexehrs.load;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;

/**
 * The project's version written into its own conformance resources, as the IG Publisher does when it builds a guide:
 * guides leave {@code version} out of their StructureDefinitions (or keep an old one) and claim them as
 * {@code url|version} in examples and references, which only resolve once the resources carry the guide's version.
 * A resource outside the project's bases that states a version of its own (a copy of another publisher's code system)
 * keeps it.
 */
final class VersionStamp {
    private final ProjectConfig config;

    VersionStamp(ProjectConfig config) {
        this.config = config;
    }

    /** Stamps {@code resource} in place (it was just parsed and is not shared yet) and returns it. */
    IBaseResource apply(IBaseResource resource) {
        if (resource instanceof MetadataResource canonical && canonical.hasUrl()
                && (!canonical.hasVersion() || config.owns(canonical.getUrl()))) {
            canonical.setVersion(config.version());
        }
        return resource;
    }
}
