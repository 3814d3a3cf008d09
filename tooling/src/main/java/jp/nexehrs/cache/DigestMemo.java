package jp.nexehrs.cache;

import jp.nexehrs.util.UserCache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Digests of files and folders (the toolchain's jar, FHIR packages) remembered in the user's cache under what
 * identifies their content without reading it: each file's path, size, modification time and file key (inode).
 * Reading the jar's directory and hashing a package's bytes were much of a command that finds every result cached
 * (tooling/BENCHMARKS.md). A file modified in the last {@link #SETTLED_MILLIS} ms is never remembered: a second change
 * within the file system's timestamp resolution would leave the same identity (what Git calls "racily clean").
 */
public final class DigestMemo {
    static final long SETTLED_MILLIS = 2000;
    private static final String DIGEST = "[0-9a-f]{64}";
    private final Path folder;

    /** How a digest is made when it is not remembered; it must give a lower-case hex SHA-256 to be remembered. */
    @FunctionalInterface
    public interface Digest {
        String of(Path location) throws IOException;
    }

    public DigestMemo(Path folder) {
        this.folder = folder;
    }

    /** The memos in the user's cache ({@link UserCache}). */
    public static DigestMemo inUserCache() {
        return new DigestMemo(UserCache.folder().resolve("digests"));
    }

    /**
     * The digest of the file or folder {@code location}, as remembered for its present identity, else made by
     * {@code digest} and remembered.
     *
     * @param kind what the digest is made of and how (a version, say): part of the memo's key
     */
    public String of(String kind, Path location, Digest digest) throws IOException {
        Optional<Path> memo = identity(kind, location).map(folder::resolve);
        if (memo.isPresent() && Files.isRegularFile(memo.get())) {
            String remembered = Files.readString(memo.get()).trim();
            if (remembered.matches(DIGEST)) return remembered;
        }
        String made = digest.of(location);
        if (memo.isPresent() && made.matches(DIGEST)) remember(memo.get(), made);
        return made;
    }

    /** What identifies the content of {@code location} now; empty while a file of it may still be changing. */
    private static Optional<String> identity(String kind, Path location) throws IOException {
        Path root = location.toAbsolutePath().normalize();
        CacheKey key = new CacheKey().add(kind).add(root.toString());
        long now = System.currentTimeMillis();
        for (Path file : files(root)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (now - attributes.lastModifiedTime().toMillis() < SETTLED_MILLIS) return Optional.empty();
            key.add(root.relativize(file).toString()).add(Long.toString(attributes.size()))
                    .add(attributes.lastModifiedTime().toString()).add(String.valueOf(attributes.fileKey()));
        }
        return Optional.of(key.hex());
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) return List.of(root);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Written whole under a temporary name; a cache that cannot be written (a read-only home) only costs the time again. */
    private static void remember(Path memo, String digest) {
        Path temporary = null;
        try {
            Files.createDirectories(memo.getParent());
            temporary = Files.createTempFile(memo.getParent(), memo.getFileName().toString(), ".tmp");
            Files.writeString(temporary, digest);
            Files.move(temporary, memo, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // Not remembered: the next run reads the content again, with the same result.
            if (temporary != null) temporary.toFile().delete();
        }
    }
}
