package jp.nexehrs.load;

import ca.uhn.fhir.parser.DataFormatException;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Parallel;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads one FHIR NPM package from a {@code .tgz} file or from a folder that holds {@code package/}, offline,
 * with {@link NpmPackage} (never the package cache manager, which goes to the network on a miss).
 */
public final class PackageReader {
    /** The resource types a package contributes to validation and snapshot generation. */
    public static final List<String> CONFORMANCE_TYPES = List.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter");

    private final FhirEngine engine;
    private final Parallel parallel;

    public PackageReader(FhirEngine engine) {
        this(engine, 1);
    }

    /** @param threads threads parsing a package's resources (most of loading a large dependency) */
    public PackageReader(FhirEngine engine, int threads) {
        this.engine = engine;
        this.parallel = new Parallel(threads);
    }

    /**
     * @param location a .tgz file or a folder holding {@code package/package.json}
     * @throws SourceException naming the location (and the file inside the package) when it cannot be read
     */
    public LoadedPackage read(Path location) throws SourceException {
        String origin = location.toString();
        NpmPackage npm = open(location, origin);
        List<String> files;
        List<byte[]> contents = new ArrayList<>();
        try {
            files = npm.listResources(CONFORMANCE_TYPES.toArray(String[]::new));
            for (String file : files) {
                try (InputStream in = npm.load("package", file)) {
                    contents.add(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new SourceException(origin, 0, 0, "cannot read the FHIR package: " + e.getMessage(), e);
        }
        SharedStrings strings = new SharedStrings();
        List<Integer> indexes = IntStream.range(0, files.size()).boxed().toList();
        // Packages from other tools may use elements HAPI does not know: lenient, unlike the project's own files.
        // Each thread parses with a parser of its own (they are not thread-safe).
        List<Parsed> parsed = parallel.map(indexes, i -> {
            try {
                IBaseResource resource = engine.context().newJsonParser().parseResource(new ByteArrayInputStream(contents.get(i)));
                strings.share(resource);
                return new Parsed(resource, null);
            } catch (DataFormatException e) {
                return new Parsed(null, e);
            }
        });
        List<IBaseResource> conformance = new ArrayList<>();
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i).failure() != null) {
                throw new SourceException(origin + "!package/" + files.get(i), 0, 0, "cannot parse a resource of package " + npm.name() + "#"
                        + npm.version() + ": " + parsed.get(i).failure().getMessage(), parsed.get(i).failure());
            }
            conformance.add(parsed.get(i).resource());
        }
        return new LoadedPackage(npm.name(), npm.version(), origin, conformance);
    }

    /** A package resource parsed, or why it could not be (reported in file order, after all are parsed). */
    private record Parsed(IBaseResource resource, DataFormatException failure) {}

    private static NpmPackage open(Path location, String origin) throws SourceException {
        try {
            if (Files.isDirectory(location)) {
                if (!Files.isRegularFile(location.resolve("package").resolve("package.json"))) {
                    throw new SourceException(origin, 0, 0, "not a FHIR package folder: it has no package/package.json");
                }
                // NpmPackage.fromFolder writes a .index.json into the folder; a package someone else owns
                // (a shared cache, a read-only corpus) must not change, so it is packed in memory instead.
                return NpmPackage.fromPackage(new ByteArrayInputStream(tgzOf(location)));
            }
            if (!Files.isRegularFile(location)) throw new SourceException(origin, 0, 0, "no such FHIR package file or folder");
            return NpmPackage.fromPackage(new ByteArrayInputStream(new PackageArchiveGuard().readChecked(location)));
        } catch (IOException | RuntimeException e) {
            throw new SourceException(origin, 0, 0, "cannot read the FHIR package: its package/package.json or"
                    + " package/.index.json is missing or damaged; download the package again", e);
        }
    }

    /** The files under {@code folder/package} as a gzipped tar with {@code package/} paths, like a published package. */
    private static byte[] tgzOf(Path folder) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes));
             Stream<Path> walk = Files.walk(folder.resolve("package"))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = folder.relativize(file).toString().replace('\\', '/');
                if (name.endsWith("/.index.json")) continue;
                byte[] content = Files.readAllBytes(file);
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
