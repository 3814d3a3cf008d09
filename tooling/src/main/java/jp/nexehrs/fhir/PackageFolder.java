package jp.nexehrs.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes one package into a FHIR package cache as the HL7 tools lay it out: {@code <id>#<version>/package/} with
 * {@code package.json}, {@code .index.json} and one JSON file per resource. Written into a folder beside it and moved
 * into place whole, so a reader never sees half a package; a package already there is left as it is.
 */
final class PackageFolder {
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final FhirEngine engine;

    PackageFolder(FhirEngine engine) {
        this.engine = engine;
    }

    /** @return true when written, false when the cache already held it */
    boolean write(Path cache, Map<String, Object> manifest, List<? extends IBaseResource> resources) throws IOException {
        String label = manifest.get("name") + "#" + manifest.get("version");
        Path target = cache.resolve(label);
        if (Files.isRegularFile(target.resolve("package/package.json"))) return false;
        Files.createDirectories(cache);
        Path staging = Files.createTempDirectory(cache, "." + label + ".");
        try {
            Path folder = Files.createDirectories(staging.resolve("package"));
            List<Map<String, Object>> index = new ArrayList<>();
            for (IBaseResource resource : resources) {
                String fileName = resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
                Files.writeString(folder.resolve(fileName), engine.jsonParser().encodeResourceToString(resource), StandardCharsets.UTF_8);
                index.add(PackageIndex.entry(fileName, resource));
            }
            Map<String, Object> indexFile = new LinkedHashMap<>();
            indexFile.put("index-version", 2);
            indexFile.put("files", index);
            Files.write(folder.resolve(".index.json"), json.writeValueAsBytes(indexFile));
            Files.write(folder.resolve("package.json"), json.writeValueAsBytes(manifest));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } finally {
            deleteIfPresent(staging);
        }
    }

    private static void deleteIfPresent(Path folder) throws IOException {
        if (!Files.exists(folder)) return;
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
