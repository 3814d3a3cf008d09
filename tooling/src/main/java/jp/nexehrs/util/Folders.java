package jp.nexehrs.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing folders the build made itself (staging folders, temporary themes, versions written out of Git): the one place folders are deleted. */
public final class Folders {
    private Folders() {
    }

    /**
     * Deletes {@code path} and everything under it, or fails on the first file that cannot be deleted: for folders
     * whose leftovers would be taken for a finished result (a release's cached build).
     */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /**
     * Deletes {@code path} and everything under it, as far as it can. Only for the build's own scratch space:
     * what is left is removed by the next run and never replaces published output.
     */
    public static void deleteQuietly(Path path) {
        if (!Files.exists(path)) return;
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // Leftovers are scratch files; the next run removes them.
        }
    }
}
