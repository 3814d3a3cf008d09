package jp.nexehrs.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A remembered digest is believed only while every file of the folder is as it was, and never for a file still changing. */
class DigestMemoTest {
    @TempDir
    Path dir;
    private final AtomicInteger made = new AtomicInteger();

    @Test
    void aSettledFoldersDigestIsRememberedUntilAFileChangesOrArrives() throws Exception {
        Path folder = settled(Files.writeString(Files.createDirectories(dir.resolve("pkg/package")).resolve("a.json"), "{}")).getParent();
        DigestMemo memo = new DigestMemo(dir.resolve("memos"));

        String first = memo.of("test", folder, this::digest);
        assertEquals(first, memo.of("test", folder, this::digest));
        assertEquals(1, made.get(), "read back, not made again");
        assertEquals(1, count(dir.resolve("memos")));

        settled(Files.writeString(folder.resolve("a.json"), "{ }"));
        String changed = memo.of("test", folder, this::digest);
        assertNotEquals(first, changed, "a changed file");

        settled(Files.writeString(folder.resolve("b.json"), "{}"));
        assertNotEquals(changed, memo.of("test", folder, this::digest), "a file more");
        assertEquals(3, made.get());

        memo.of("another kind", folder, this::digest);
        assertEquals(4, made.get(), "the kind is part of the key");
    }

    @Test
    void aFileChangedJustNowIsNotRemembered() throws Exception {
        Path file = Files.writeString(dir.resolve("package.tgz"), "x");
        DigestMemo memo = new DigestMemo(dir.resolve("memos"));

        memo.of("test", file, this::digest);
        memo.of("test", file, this::digest);

        assertEquals(2, made.get());
        assertEquals(0, count(dir.resolve("memos")));
    }

    @Test
    void aDamagedMemoIsNotBelieved() throws Exception {
        Path file = settled(Files.writeString(dir.resolve("package.tgz"), "x"));
        DigestMemo memo = new DigestMemo(dir.resolve("memos"));
        String digest = memo.of("test", file, this::digest);
        try (Stream<Path> memos = Files.list(dir.resolve("memos"))) {
            for (Path remembered : memos.toList()) Files.writeString(remembered, "not a digest");
        }

        assertEquals(digest, memo.of("test", file, this::digest));
        assertEquals(2, made.get());
    }

    private String digest(Path location) throws IOException {
        made.incrementAndGet();
        CacheKey key = new CacheKey();
        try (Stream<Path> files = Files.walk(location)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) key.add(file.toString()).add(Files.readAllBytes(file));
        }
        return key.hex();
    }

    private static Path settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return 0;
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
