package jp.nexehrs.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A jar's fingerprint, remembered per file so that a run need not read the jar's directory again. */
class ToolchainFingerprintTest {
    @TempDir
    Path dir;

    @Test
    void aRememberedFingerprintIsTheOneTheJarGives() throws Exception {
        Path jar = jar("nexehrs.jar", "A.class", "one");
        Path memos = dir.resolve("memos");

        String first = ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(memos));

        assertEquals(1, count(memos), "remembered");
        assertEquals(first, ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(memos)), "read back");
        assertEquals(first, ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(dir.resolve("elsewhere"))), "the same as made afresh");
        assertNotEquals(first, ToolchainFingerprint.ofJar("1.0.1", jar, new DigestMemo(memos)), "another version never shares results");
    }

    @Test
    void aRebuiltJarIsFingerprintedAgain() throws Exception {
        Path jar = jar("nexehrs.jar", "A.class", "one");
        Path memos = dir.resolve("memos");
        String before = ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(memos));

        jar("nexehrs.jar", "A.class", "two");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));

        assertNotEquals(before, ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(memos)));
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsTheTime() throws Exception {
        Path jar = jar("nexehrs.jar", "A.class", "one");
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");

        assertEquals(ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(dir.resolve("memos"))),
                ToolchainFingerprint.ofJar("1.0.0", jar, new DigestMemo(notAFolder.resolve("memos"))));
    }

    private Path jar(String name, String entry, String content) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        // Settled (see DigestMemo): a file written just now is not remembered yet.
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return jar;
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
