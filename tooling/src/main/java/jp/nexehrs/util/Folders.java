package jp.nexehrs.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing scratch folders the build made itself (staging folders, temporary themes). */
public final class Folders {
    private Folders() {
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
