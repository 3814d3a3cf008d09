package jp.nexehrs.produce;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The download zips: sorted entries, one fixed time, the same bytes whatever the insertion order or time zone. */
class ZipArchiveTest {
    @Test
    void entriesAreSortedStampedWithTheGivenTimeAndTheBytesAreReproducible() throws IOException {
        Map<String, Supplier<byte[]>> forwards = new LinkedHashMap<>();
        forwards.put("b.json", () -> "{\"名前\":\"二\"}".getBytes(StandardCharsets.UTF_8));
        forwards.put("a.json", () -> "{}".getBytes(StandardCharsets.UTF_8));
        Map<String, Supplier<byte[]>> backwards = new LinkedHashMap<>();
        backwards.put("a.json", forwards.get("a.json"));
        backwards.put("b.json", forwards.get("b.json"));

        byte[] first = new ZipArchive(946684800L).write(forwards);
        TimeZone original = TimeZone.getDefault();
        byte[] second;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            second = new ZipArchive(946684800L).write(backwards);
        } finally {
            TimeZone.setDefault(original);
        }
        assertArrayEquals(first, second);

        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
                assertEquals(LocalDateTime.of(2000, 1, 1, 0, 0), entry.getTimeLocal());
                if (entry.getName().equals("b.json")) assertEquals("{\"名前\":\"二\"}", new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("a.json", "b.json"), names);
    }

    @Test
    void aTimeBeforeTheZipEpochIsStampedAs1980() throws IOException {
        byte[] zip = new ZipArchive(0).write(Map.of("a.json", () -> new byte[0]));
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), in.getNextEntry().getTimeLocal());
        }
    }
}
