package jp.nexehrs.produce;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A reproducible zip: entries sorted by name, every entry stamped with the same time, so the same content gives
 * the same bytes on any machine and in any time zone.
 */
final class ZipArchive {
    /** The earliest time a zip entry can hold (MS-DOS dates start in 1980). */
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);
    private final LocalDateTime stamp;

    ZipArchive(long epochSeconds) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        this.stamp = time.isBefore(DOS_EPOCH) ? DOS_EPOCH : time;
    }

    /** Reads each entry's content when it goes into the zip, one at a time. */
    byte[] write(Map<String, Supplier<byte[]>> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : new TreeMap<>(entries).entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                // setTimeLocal writes the DOS time as given; setTime would shift it by the machine's time zone.
                zipEntry.setTimeLocal(stamp);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue().get());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a zip in memory", e);
        }
        return bytes.toByteArray();
    }
}
