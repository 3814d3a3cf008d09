package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a package .tgz from someone else before it is opened: no entry may name an absolute path or climb out
 * with {@code ..}, none may be a link or a device, and the unpacked size is bounded so that a decompression bomb
 * stops with an error instead of filling memory: the package is held unpacked in memory and its resources parsed,
 * so it may unpack to at most a quarter of this run's Java heap (the launcher gives 768 MB and more per MB of the
 * packages named), and never more than 1 GB. Reads the archive once, streaming, and returns its bytes.
 */
final class PackageArchiveGuard {
    static final long MAX_ARCHIVE_BYTES = 256L * 1024 * 1024;
    static final long MAX_UNPACKED_BYTES = 1024L * 1024 * 1024;
    static final int MAX_ENTRIES = 200_000;

    private final long maxUnpackedBytes;

    PackageArchiveGuard() {
        this(Math.min(MAX_UNPACKED_BYTES, Runtime.getRuntime().maxMemory() / 4));
    }

    PackageArchiveGuard(long maxUnpackedBytes) {
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    byte[] readChecked(Path archive) throws SourceException {
        String origin = archive.toString();
        byte[] bytes;
        try {
            if (Files.size(archive) > MAX_ARCHIVE_BYTES) {
                throw new SourceException(origin, 0, 0, "the package file is larger than " + MAX_ARCHIVE_BYTES / (1024 * 1024) + " MB");
            }
            bytes = Files.readAllBytes(archive);
        } catch (IOException e) {
            throw new SourceException(origin, 0, 0, "cannot read the FHIR package: " + e.getMessage(), e);
        }
        check(origin, bytes);
        return bytes;
    }

    void check(String origin, byte[] archive) throws SourceException {
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream gzip = new GzipCompressorInputStream(new ByteArrayInputStream(archive), true);
             TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name = entry.getName();
                if (++entries > MAX_ENTRIES) fail(origin, "more than " + MAX_ENTRIES + " entries");
                if (entry.isSymbolicLink() || entry.isLink()) fail(origin, "entry '" + name + "' is a link (to '" + entry.getLinkName() + "')");
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) fail(origin, "entry '" + name + "' is a device or pipe");
                String normal = name.replace('\\', '/');
                if (normal.startsWith("/") || normal.matches("^[A-Za-z]:.*")) fail(origin, "entry '" + name + "' has an absolute path");
                for (String segment : normal.split("/")) {
                    if (segment.equals("..")) fail(origin, "entry '" + name + "' climbs out of the package with '..'");
                }
                for (int read = tar.read(buffer); read > 0; read = tar.read(buffer)) {
                    unpacked += read;
                    if (unpacked > maxUnpackedBytes) {
                        fail(origin, "unpacks to more than " + maxUnpackedBytes / (1024 * 1024) + " MB, more than this run can hold"
                                + " (a decompression bomb?): if the package is genuine, run with more memory"
                                + " (NEXEHRS_JAVA_OPTS=-Xmx followed by four times its unpacked size)");
                    }
                }
            }
        } catch (IOException e) {
            throw new SourceException(origin, 0, 0, "not a readable .tgz package: the file is not a gzip-compressed tar"
                    + " archive, or it is cut short; download the FHIR package again", e);
        }
    }

    private static void fail(String origin, String message) throws SourceException {
        throw new SourceException(origin, 0, 0, "unsafe FHIR package: " + message);
    }
}
