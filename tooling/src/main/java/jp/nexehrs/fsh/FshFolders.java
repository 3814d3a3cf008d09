package jp.nexehrs.fsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a project keeps its FSH sources: {@code input/fsh/} in the IG Publisher's layout (beside its
 * {@code sushi-config.yaml}), or {@code fsh/} in a nexehrs project. The one place that knows these names: the load
 * stage asks it whether a committed {@code fsh-generated/} is stale output, the convert stage what to compile.
 *
 * @param root        the project folder
 * @param sources     the folder of {@code .fsh} files
 * @param sushiConfig the guide's own {@code sushi-config.yaml}, when it has one (IG Publisher layout)
 * @param files       every {@code .fsh} file under {@code sources}, sorted
 */
public record FshFolders(Path root, Path sources, Optional<Path> sushiConfig, List<Path> files) {
    public static final String IG_PUBLISHER_SOURCES = "input/fsh";
    public static final String NEXEHRS_SOURCES = "fsh";
    /** SUSHI's output folder; committed by some guides, read only when there are no FSH sources beside it. */
    public static final String GENERATED = "fsh-generated";
    public static final String SUSHI_CONFIG = "sushi-config.yaml";

    public FshFolders {
        files = List.copyOf(files);
    }

    /** The project's FSH sources, or empty when it has no {@code .fsh} file in either place. */
    public static Optional<FshFolders> find(Path root) {
        for (String name : List.of(IG_PUBLISHER_SOURCES, NEXEHRS_SOURCES)) {
            Path sources = root.resolve(name);
            List<Path> files = fshFilesUnder(sources);
            if (!files.isEmpty()) {
                Path config = root.resolve(SUSHI_CONFIG);
                return Optional.of(new FshFolders(root, sources, Files.isRegularFile(config) ? Optional.of(config) : Optional.empty(), files));
            }
        }
        return Optional.empty();
    }

    /** The folder of SUSHI's resources committed beside the sources ({@code fsh-generated/resources}). */
    public static Path generatedResources(Path root) {
        return root.resolve(GENERATED).resolve("resources");
    }

    /** A source file's name as messages give it: relative to the project, with forward slashes. */
    public String displayName(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> fshFilesUnder(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fsh"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
