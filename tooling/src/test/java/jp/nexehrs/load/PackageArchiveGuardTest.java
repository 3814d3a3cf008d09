package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Dependency packages come from elsewhere: the guard refuses entries that escape, links, devices and bombs. */
class PackageArchiveGuardTest {
    private static final String ORIGIN = "deps/other.tgz";

    @Test
    void anOrdinaryPackagePasses() {
        assertDoesNotThrow(() -> new PackageArchiveGuard().check(ORIGIN, tgz(file("package/package.json", "{}"))));
    }

    @Test
    void aSymbolicLinkEntryIsRefused() {
        TarArchiveEntry link = new TarArchiveEntry("package/link.json", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        assertRefused(tgz(file("package/package.json", "{}"), link), "is a link");
    }

    @Test
    void aHardLinkEntryIsRefused() {
        TarArchiveEntry link = new TarArchiveEntry("package/hard.json", TarArchiveEntry.LF_LINK);
        link.setLinkName("package/package.json");
        assertRefused(tgz(file("package/package.json", "{}"), link), "is a link");
    }

    @Test
    void anEntryClimbingOutIsRefused() {
        assertRefused(tgz(file("package/../../../tmp/evil.json", "{}")), "climbs out");
    }

    @Test
    void anAbsoluteEntryIsRefused() {
        assertRefused(tgz(file("/etc/cron.d/evil", "{}")), "absolute path");
    }

    @Test
    void aDecompressionBombStopsAtTheLimitInsteadOfFillingMemory() {
        // 8 MB of zeros compress to a few kilobytes; the guard here allows 1 MB unpacked.
        byte[] bomb = tgz(file("package/zeros.json", "\0".repeat(8 * 1024 * 1024)));
        assertTrue(bomb.length < 100_000, "the archive is small: " + bomb.length);
        SourceException e = assertThrows(SourceException.class, () -> new PackageArchiveGuard(1024 * 1024).check(ORIGIN, bomb));
        assertTrue(e.getMessage().contains("decompression bomb"), e.getMessage());
    }

    @Test
    void bytesThatAreNotATgzAreReportedNotThrown() {
        SourceException e = assertThrows(SourceException.class,
                () -> new PackageArchiveGuard().check(ORIGIN, "not a package".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.file().equals(ORIGIN) && e.getMessage().contains("not a readable .tgz"), e.getMessage());
    }

    private static void assertRefused(byte[] archive, String reason) {
        SourceException e = assertThrows(SourceException.class, () -> new PackageArchiveGuard().check(ORIGIN, archive));
        assertTrue(e.file().equals(ORIGIN) && e.getMessage().contains("unsafe FHIR package") && e.getMessage().contains(reason), e.getMessage());
    }

    private static TarArchiveEntry file(String name, String content) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.getBytes(StandardCharsets.UTF_8).length);
        return entry;
    }

    /** Each entry gets as many zero bytes as its size: the guard reads names, kinds and sizes, not content. */
    private static byte[] tgz(TarArchiveEntry... entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (TarArchiveEntry entry : entries) {
                tar.putArchiveEntry(entry);
                if (entry.getSize() > 0) tar.write(new byte[(int) entry.getSize()]);
                tar.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
