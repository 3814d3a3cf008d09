package jp.nexehrs.load;

import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.DigestMemo;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.HistoryException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Everything a build of a working tree reads from the machine, as digests: every file of the project folder (not
 * {@code build/}, Git's own folder, hidden folders, {@code node_modules} or {@code target}), the commit checked out
 * (pages show each file's last change), the names in the FHIR package caches (a missing dependency may arrive there)
 * and, separately, each dependency package the build read. Deliberately wider than what the loader reads, so that
 * a new kind of source can never be missed: a change to an unrelated file only costs a rebuild.
 */
public final class ProjectInputs {
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target");

    private ProjectInputs() {
    }

    /** The digest of the project folder, its commit and the package caches' listings, added to {@code key}. */
    public static String digest(Path root, CacheKey key) {
        key.add("commit").add(checkedOutCommit(root));
        try {
            for (Path file : projectFiles(root)) {
                key.add(root.relativize(file).toString().replace('\\', '/')).add(fileDigest(file));
            }
            for (Path cache : DependencyLoader.standardPackageCaches()) {
                key.add("package cache");
                if (!Files.isDirectory(cache)) continue;
                try (Stream<Path> entries = Files.list(cache)) {
                    entries.map(p -> p.getFileName().toString()).sorted().forEach(key::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + " to see whether it changed: " + e.getMessage(), e);
        }
        return key.hex();
    }

    /**
     * The digest of a dependency package's file or folder, or "absent"; remembered for the package's present files
     * ({@link DigestMemo}), so that a build with nothing changed hashes no package.
     */
    public static String packageDigest(Path location) {
        if (!Files.isRegularFile(location) && !Files.isDirectory(location)) return "absent";
        try {
            return DigestMemo.inUserCache().of("a dependency package's content", location, ProjectInputs::contentOfPackage);
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static String contentOfPackage(Path location) throws IOException {
        if (Files.isRegularFile(location)) return contentDigest(location);
        CacheKey key = new CacheKey();
        try (Stream<Path> walk = Files.walk(location)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                key.add(location.relativize(file).toString()).add(contentDigest(file));
            }
        }
        return key.hex();
    }

    private static List<Path> projectFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Path build = root.resolve("build");
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                if (dir.equals(root)) return FileVisitResult.CONTINUE;
                String name = dir.getFileName().toString();
                boolean skipped = dir.equals(build) || name.startsWith(".") || SKIPPED_FOLDERS.contains(name);
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                files.add(file); // digested as unreadable
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() || attributes.isSymbolicLink()) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static String checkedOutCommit(Path root) {
        if (!GitRepository.isInside(root)) return "";
        try (GitRepository git = GitRepository.open(root)) {
            return git.current().commitId();
        } catch (HistoryException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** A file's content; a link's target too (the loader refuses links that leave the project, which the digest must not hide). */
    private static String fileDigest(Path file) {
        try {
            if (!Files.isSymbolicLink(file)) return contentDigest(file);
            String target = "link to " + Files.readSymbolicLink(file);
            return Files.isRegularFile(file) ? target + " " + contentDigest(file) : target;
        } catch (IOException e) {
            // The build itself reports a source it cannot read; here it only has to differ from a readable one.
            return "unreadable";
        }
    }

    private static String contentDigest(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
