package jp.nexehrs.fhir;

import ca.uhn.fhir.parser.IParser;
import jp.nexehrs.util.UserCache;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a FHIR package cache offline: the R4 core package ({@code hl7.fhir.r4.core#4.0.1}, which no reachable
 * registry serves) made from the R4 definitions this toolchain carries, and the project's dependencies with their
 * conformance resources. Packages already in the cache are left as they are.
 */
public final class PackageSeeder {
    public static final String CORE_ID = "hl7.fhir.r4.core";
    public static final String CORE_VERSION = "4.0.1";
    private final FhirEngine engine;
    private final PackageFolder folder;

    public PackageSeeder(FhirEngine engine) {
        this.engine = engine;
        this.folder = new PackageFolder(engine);
    }

    /** What one seeding did: each package's label, and whether it was written or already there. */
    public record Seeded(String label, boolean written) {
    }

    /** A package to write into the cache: its name, version and conformance resources. */
    public record Content(String id, String version, List<? extends IBaseResource> resources) {
        public Content {
            resources = List.copyOf(resources);
        }

        public String label() {
            return id + "#" + version;
        }
    }

    /**
     * The cache nexehrs keeps for the tools it runs, apart from the user's: a home folder whose
     * {@code .fhir/packages} is that cache (the HL7 tools find their cache under the home folder).
     */
    public static Path toolsHome() {
        return UserCache.folder().resolve("fhir-home");
    }

    /** The package cache inside {@link #toolsHome()}. */
    public static Path toolsCache() {
        return toolsHome().resolve(".fhir").resolve("packages");
    }

    public List<Seeded> seed(Path cache, List<Content> dependencies) throws IOException {
        List<Seeded> seeded = new ArrayList<>();
        seeded.add(seedCore(cache));
        for (Content dependency : dependencies) seeded.add(seed(cache, dependency));
        return seeded;
    }

    /** The R4 core package alone. */
    public Seeded seedCore(Path cache) throws IOException {
        return new Seeded(CORE_ID + "#" + CORE_VERSION, folder.write(cache, coreManifest(), coreResources()));
    }

    /** One package (not the core); left as it is when the cache already holds it. */
    public Seeded seed(Path cache, Content dependency) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", dependency.id());
        manifest.put("version", dependency.version());
        manifest.put("fhirVersions", List.of(CORE_VERSION));
        manifest.put("dependencies", Map.of(CORE_ID, CORE_VERSION));
        return new Seeded(dependency.label(), folder.write(cache, manifest, dependency.resources()));
    }

    /** The bundles of R4 definitions in HAPI's validation resources: the content of the R4 core package. */
    private static final List<String> CORE_BUNDLES = List.of(
            "/org/hl7/fhir/r4/model/profile/profiles-types.xml", "/org/hl7/fhir/r4/model/profile/profiles-resources.xml",
            "/org/hl7/fhir/r4/model/profile/profiles-others.xml", "/org/hl7/fhir/r4/model/extension/extension-definitions.xml",
            "/org/hl7/fhir/r4/model/valueset/valuesets.xml", "/org/hl7/fhir/r4/model/valueset/v3-codesystems.xml",
            "/org/hl7/fhir/r4/model/valueset/v2-tables.xml", "/org/hl7/fhir/r4/model/sp/search-parameters.json");

    private List<IBaseResource> coreResources() throws IOException {
        Map<String, IBaseResource> byFile = new LinkedHashMap<>();
        for (String bundle : CORE_BUNDLES) {
            try (InputStream in = PackageSeeder.class.getResourceAsStream(bundle)) {
                if (in == null) throw new IOException("the R4 definitions are missing from the toolchain: " + bundle);
                IParser parser = bundle.endsWith(".json") ? engine.context().newJsonParser() : engine.context().newXmlParser();
                Bundle definitions = parser.parseResource(Bundle.class, in);
                for (Bundle.BundleEntryComponent entry : definitions.getEntry()) {
                    if (entry.hasResource()) byFile.putIfAbsent(entry.getResource().fhirType() + "-" + entry.getResource().getIdPart(), entry.getResource());
                }
            }
        }
        return List.copyOf(byFile.values());
    }

    private static Map<String, Object> coreManifest() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", CORE_ID);
        manifest.put("version", CORE_VERSION);
        manifest.put("type", "Core");
        manifest.put("fhirVersions", List.of(CORE_VERSION));
        manifest.put("canonical", "http://hl7.org/fhir");
        manifest.put("url", "http://hl7.org/fhir/R4");
        manifest.put("description", "FHIR R4 4.0.1 definitions, made offline by nexehrs from the R4 definitions it carries");
        manifest.put("license", "CC0-1.0");
        manifest.put("dependencies", Map.of());
        return manifest;
    }
}
