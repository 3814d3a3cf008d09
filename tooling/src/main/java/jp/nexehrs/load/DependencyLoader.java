package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.TextPositions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the {@code dependencies} of nexehrs.yaml to packages on disk, without network: the entry's
 * {@code path} (relative to the project root) when given, else {@code <id>#<version>} in each extra package
 * folder, else in the standard FHIR package cache ({@code ~/.fhir/packages}). A package that is missing, or
 * whose package.json names another package or version, stops the build with an error on nexehrs.yaml.
 */
public final class DependencyLoader {
    private final PackageReader reader;
    private final List<Path> packageFolders;

    /**
     * @param packageFolders folders laid out like the FHIR package cache ({@code <id>#<version>/package/}),
     *                       searched in order when a dependency has no {@code path}
     */
    public DependencyLoader(PackageReader reader, List<Path> packageFolders) {
        this.reader = reader;
        this.packageFolders = List.copyOf(packageFolders);
    }

    /** The standard FHIR package cache of this user, where the HL7 tools put downloaded packages. */
    public static Path standardPackageCache() {
        return Path.of(System.getProperty("user.home"), ".fhir", "packages");
    }

    public List<LoadedPackage> load(Path projectRoot, List<ProjectConfig.Dependency> dependencies) throws SourceException {
        String configText = readConfigText(projectRoot);
        List<LoadedPackage> packages = new ArrayList<>();
        for (ProjectConfig.Dependency dependency : dependencies) {
            int line = TextPositions.lineOf(configText, dependency.id());
            Path location = locate(projectRoot, dependency, line);
            LoadedPackage loaded;
            try {
                loaded = reader.read(location);
            } catch (SourceException e) {
                throw new SourceException(ProjectLoader.CONFIG_FILE, line, 0, "dependency " + label(dependency) + ": "
                        + e.file() + ": " + e.getMessage(), e);
            }
            if (!dependency.id().equals(loaded.id()) || !dependency.version().equals(loaded.version())) {
                throw new SourceException(ProjectLoader.CONFIG_FILE, line, 0, "dependency " + label(dependency)
                        + ": the package at " + location + " is " + loaded.label() + " according to its package/package.json");
            }
            packages.add(loaded);
        }
        return packages;
    }

    private Path locate(Path projectRoot, ProjectConfig.Dependency dependency, int line) throws SourceException {
        if (dependency.path() != null && !dependency.path().isBlank()) {
            Path given = projectRoot.resolve(dependency.path()).normalize();
            if (Files.exists(given)) return given;
            throw new SourceException(ProjectLoader.CONFIG_FILE, line, 0, "dependency " + label(dependency)
                    + ": its path '" + dependency.path() + "' does not exist (looked for " + given + ")");
        }
        List<Path> tried = new ArrayList<>();
        for (Path folder : searchFolders()) {
            Path candidate = folder.resolve(label(dependency));
            if (Files.isRegularFile(candidate.resolve("package").resolve("package.json"))) return candidate;
            tried.add(candidate);
        }
        throw new SourceException(ProjectLoader.CONFIG_FILE, line, 0, "dependency " + label(dependency)
                + " not found: give its 'path' (a .tgz or a folder holding package/), or put it in the FHIR package cache; looked in "
                + String.join(", ", tried.stream().map(Path::toString).toList()));
    }

    private List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>(packageFolders);
        folders.add(standardPackageCache());
        return folders;
    }

    private static String label(ProjectConfig.Dependency dependency) {
        return dependency.id() + "#" + dependency.version();
    }

    private static String readConfigText(Path projectRoot) {
        try {
            return Files.readString(projectRoot.resolve(ProjectLoader.CONFIG_FILE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // only used to find line numbers; the config was already read successfully
        }
    }
}
