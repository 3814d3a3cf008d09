package jp.nexehrs.produce;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jp.nexehrs.fhir.PackageIndex;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.ProjectConfig;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a FHIR NPM package (.tgz): {@code package/package.json}, {@code package/.index.json}, the ImplementationGuide
 * and the conformance resources with their snapshots, examples under {@code package/example/}, and files that are not
 * resources under {@code package/other/}. The archive is reproducible:
 * sorted entries, one fixed timestamp, no owner names, a gzip header without time or host.
 */
final class NpmPackageWriter {
    /** Entry time when SOURCE_DATE_EPOCH is not set: a constant, so that the same input gives the same bytes. */
    static final long DEFAULT_EPOCH_SECONDS = 946684800L; // 2000-01-01T00:00:00Z

    /**
     * One resource to put in the package: its line in {@code .index.json}, and its JSON as the package holds it
     * (pretty-printed, UTF-8), read when it is written.
     */
    record Entry(String folder, String fileName, Map<String, Object> index, Supplier<byte[]> json) {}

    /** The folder of files that are not resources (the validation summary). */
    static final String OTHER = "other";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final long epochSeconds;

    NpmPackageWriter(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    /**
     * Reads each entry's JSON when it goes into the archive, one at a time.
     *
     * @param other files for {@code package/other/}, by name: not resources, so in no index
     */
    PackageArchive write(ProjectConfig config, List<Entry> entries, Map<String, byte[]> other) {
        Map<String, Supplier<byte[]>> files = new TreeMap<>();
        byte[] packageJson = bytes(packageJson(config));
        files.put("package/package.json", () -> packageJson);
        other.forEach((name, content) -> files.put("package/" + OTHER + "/" + name, () -> content));
        Map<String, List<Map<String, Object>>> indexes = new TreeMap<>();
        for (Entry entry : entries) {
            String folder = entry.folder().isEmpty() ? "package" : "package/" + entry.folder();
            files.put(folder + "/" + entry.fileName(), entry.json());
            indexes.computeIfAbsent(folder, f -> new ArrayList<>()).add(entry.index());
        }
        indexes.putIfAbsent("package", new ArrayList<>());
        indexes.forEach((folder, list) -> {
            list.sort(java.util.Comparator.comparing(m -> m.get("filename").toString()));
            Map<String, Object> index = new LinkedHashMap<>();
            index.put("index-version", PackageIndex.INDEX_VERSION);
            index.put("files", list);
            byte[] indexJson = bytes(index);
            files.put(folder + "/.index.json", () -> indexJson);
        });
        return new PackageArchive(config.packageFileName(), tgz(files));
    }

    /**
     * {@code package.json} with the fields the IG Publisher writes: {@code tools-version} 3 (the package format of
     * today's tools), {@code type} {@code fhir.ig}, {@code date} as {@code yyyyMMddHHmmss} UTC of the build's time stamp
     * (SOURCE_DATE_EPOCH), {@code maintainers} from {@code contact} (else the publisher), {@code directories} saying
     * where the resources and the examples are, and {@code jurisdiction} as an ISO 3166 code when nexehrs.yaml gives one.
     */
    private Map<String, Object> packageJson(ProjectConfig config) {
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("name", config.id());
        pkg.put("version", config.version());
        pkg.put("tools-version", 3);
        pkg.put("type", "fhir.ig");
        pkg.put("date", DATE.format(Instant.ofEpochSecond(epochSeconds)));
        pkg.put("license", config.license());
        pkg.put("canonical", config.canonical());
        pkg.put("url", config.canonical());
        pkg.put("title", config.title().ja());
        pkg.put("description", config.description().isEmpty() ? config.title().en() : config.description());
        pkg.put("fhirVersions", List.of(config.fhirVersion()));
        Map<String, String> dependencies = new LinkedHashMap<>();
        dependencies.put("hl7.fhir.r4.core", "4.0.1");
        config.dependencies().forEach(d -> dependencies.put(d.id(), d.version()));
        pkg.put("dependencies", dependencies);
        pkg.put("author", config.publisher());
        pkg.put("maintainers", maintainers(config));
        if (config.jurisdiction() != null) pkg.put("jurisdiction", "urn:iso:std:iso:3166#" + config.jurisdiction());
        Map<String, String> directories = new LinkedHashMap<>();
        directories.put("lib", "package");
        directories.put("example", "example");
        pkg.put("directories", directories);
        return pkg;
    }

    private static List<Map<String, String>> maintainers(ProjectConfig config) {
        if (config.contact().isEmpty()) return List.of(Map.of("name", config.publisher()));
        List<Map<String, String>> maintainers = new ArrayList<>();
        for (ProjectConfig.Contact contact : config.contact()) {
            Map<String, String> maintainer = new LinkedHashMap<>();
            maintainer.put("name", contact.name() != null ? contact.name() : config.publisher());
            if (contact.email() != null) maintainer.put("email", contact.email());
            if (contact.url() != null) maintainer.put("url", contact.url());
            maintainers.add(maintainer);
        }
        return maintainers;
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] tgz(Map<String, Supplier<byte[]>> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // GZIPOutputStream writes a zero modification time and no file name: the header is the same on every run.
        try (GZIPOutputStream gzip = new GZIPOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, Supplier<byte[]>> file : files.entrySet()) {
                byte[] content = file.getValue().get();
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(content.length);
                entry.setModTime(new Date(epochSeconds * 1000));
                entry.setMode(0644);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the package", e);
        }
        return out.toByteArray();
    }

    /** @param json the resource as the package holds it (pretty-printed JSON, UTF-8), read when written */
    static Entry entryFor(FhirSource source, IBaseResource resource, Supplier<byte[]> json, boolean example, PagePaths paths) {
        String fileName = paths.packageEntry(source);
        return new Entry(example ? "example" : "", fileName, PackageIndex.entry(fileName, resource), json);
    }
}
