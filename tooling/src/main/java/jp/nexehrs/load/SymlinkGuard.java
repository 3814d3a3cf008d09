package jp.nexehrs.load;

import jp.nexehrs.report.Finding;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A symbolic link among the project's sources that leads outside it would let an {@code include::} or a resource file
 * read anything on the machine that builds it (Asciidoctor's SAFE mode checks paths, not where links lead). Such
 * links are errors, and what they point at is never read (each read checks {@link #staysInside} too). Links elsewhere
 * in the repository are not the guide's and are left alone: a Python virtual environment's {@code .venv/bin/python}
 * leads outside, and would otherwise stop every build.
 */
final class SymlinkGuard {
    List<Finding> check(Path root) {
        List<Finding> findings = new ArrayList<>();
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return List.of(Finding.error("", 0, 0, "cannot resolve the project folder: " + e.getMessage()));
        }
        List<Path> sources = Stream.concat(ProjectLoader.SOURCE_FOLDERS.stream(), ProjectLoader.CONFIG_FILES.stream())
                .map(root::resolve).filter(source -> Files.exists(source, LinkOption.NOFOLLOW_LINKS)).toList();
        for (Path source : sources) check(root, realRoot, source, findings);
        return findings;
    }

    /** Walks {@code start} without following links (a source folder that is itself a link is checked as a link). */
    private static void check(Path root, Path realRoot, Path start, List<Finding> findings) {
        try {
            // Every folder inside them, whatever its name: the site's assets, for one, are copied whole.
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
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
            findings.add(Finding.error(ProjectLoader.relative(root, start), 0, 0, "cannot list the folder: " + e.getMessage()));
        }
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
