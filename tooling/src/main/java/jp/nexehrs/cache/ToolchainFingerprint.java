package jp.nexehrs.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Identifies the toolchain that produced a cached result: its version and the content of its code. From the
 * fat jar, the CRC and size of every entry (read from the jar's directory, without inflating anything: our
 * classes, the libraries and the built-in site template alike); from a classes folder (tests, IDE), every
 * file's bytes and the class path (which names each library's version). A rebuilt toolchain therefore never
 * reuses results of the previous one, even at the same version number. A jar's fingerprint is remembered in the user's
 * cache ({@link DigestMemo}): reading its directory (76,000 entries) cost about 0.2 s of every run, much of a command that
 * finds everything cached (tooling/BENCHMARKS.md).
 */
public final class ToolchainFingerprint {
    private ToolchainFingerprint() {
    }

    public static String of(String version) {
        Path code = codeLocation();
        try {
            if (Files.isRegularFile(code)) return ofJar(version, code, DigestMemo.inUserCache());
            CacheKey key = new CacheKey().add(version).add(Runtime.version().toString());
            addFolder(key, code);
            return key.hex();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the toolchain's own code at " + code + " to fingerprint it", e);
        }
    }

    /** The jar's fingerprint, read from {@code memos} when this very file was fingerprinted before, else made and kept there. */
    static String ofJar(String version, Path jar, DigestMemo memos) throws IOException {
        return memos.of("toolchain " + version + " " + Runtime.version(), jar, location -> {
            CacheKey key = new CacheKey().add(version).add(Runtime.version().toString());
            addJar(key, location);
            return key.hex();
        });
    }

    private static void addJar(CacheKey key, Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                key.add(entry.getName()).add(Long.toHexString(entry.getCrc())).add(Long.toString(entry.getSize()));
            }
        }
    }

    private static void addFolder(CacheKey key, Path folder) throws IOException {
        key.add(System.getProperty("java.class.path", ""));
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                key.add(folder.relativize(file).toString()).add(Files.readAllBytes(file));
            }
        }
    }

    private static Path codeLocation() {
        try {
            return Path.of(ToolchainFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the toolchain's code location is not a path", e);
        }
    }
}
