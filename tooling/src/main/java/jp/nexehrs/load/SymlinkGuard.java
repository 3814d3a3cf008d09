package jp.nexehrs.load;

import jp.nexehrs.report.Finding;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A symbolic link in the project that leads outside it would let an {@code include::} or a resource file read
 * anything on the machine that builds it (Asciidoctor's SAFE mode checks paths, not where links lead). Such
 * links are errors, and what they point at is never read.
 */
final class SymlinkGuard {
    private static final Set<String> SKIPPED = Set.of(".git", "build", "target", "node_modules");

    List<Finding> check(Path root) {
        List<Finding> findings = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return List.of(Finding.error("", 0, 0, "cannot resolve the project folder: " + e.getMessage()));
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    return !dir.equals(root) && SKIPPED.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (!attributes.isSymbolicLink()) return FileVisitResult.CONTINUE;
                    String relative = ProjectLoader.relative(root, file);
                    try {
                        Path target = file.toRealPath();
                        if (!target.startsWith(realRoot)) {
                            findings.add(Finding.error(relative, 0, 0, "symbolic link leads outside the project (to " + target
                                    + "): nothing outside the repository is read"));
                        }
                    } catch (IOException e) {
                        findings.add(Finding.error(relative, 0, 0, "symbolic link leads nowhere: " + e.getMessage()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            findings.add(Finding.error("", 0, 0, "cannot list the project: " + e.getMessage()));
        }
        return findings;
    }

    /** Whether a file found under the project may be read: not a link that leads outside it. */
    static boolean staysInside(Path root, Path file) {
        try {
            return file.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
