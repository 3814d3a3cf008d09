package jp.nexehrs.load;

import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.TextPositions;
import jp.nexehrs.util.UserHome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the {@code dependencies} of nexehrs.yaml to packages on disk, without network: the entry's
 * {@code path} (relative to the project root) when given, else {@code <id>#<version>} in each extra package
 * folder, else in the standard FHIR package caches ({@code ~/.fhir/packages}, under each of the user's
 * home folders: {@link #standardPackageCaches()}). A package whose package.json names
 * another package or version stops the build with an error on nexehrs.yaml; missing ones are listed for the
 * project's policy to decide ({@link ProjectConfig.MissingDependencies}).
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

    /**
     * The standard FHIR package caches of this user, where the HL7 tools put downloaded packages: under {@code $HOME}
     * and, when it is another folder, under the JVM's home (see {@link UserHome}).
     */
    public static List<Path> standardPackageCaches() {
        return UserHome.folders().stream().map(home -> home.resolve(".fhir").resolve("packages")).toList();
    }

    /**
     * Reads every dependency that is on this machine and lists every one that is not, so that all of them are
     * reported at once. A package that is there but cannot be read, or that is another package or version than
     * named, is an error: that is the package's fault, not the machine's.
     */
    public Dependencies load(Path projectRoot, List<ProjectConfig.Dependency> dependencies) throws SourceException {
        String configFile = ProjectLoader.configFileOf(projectRoot);
        String configText = readConfigText(projectRoot, configFile);
        List<LoadedPackage> packages = new ArrayList<>();
        List<MissingPackage> missing = new ArrayList<>();
        for (ProjectConfig.Dependency dependency : dependencies) {
            int line = TextPositions.lineOf(configText, dependency.id());
            Located location = locate(projectRoot, dependency);
            if (location.found() == null) {
                missing.add(new MissingPackage(dependency.id(), dependency.version(), configFile, line, location.tried()));
                continue;
            }
            LoadedPackage loaded;
            try {
                loaded = reader.read(location.found());
            } catch (SourceException e) {
                throw new SourceException(configFile, line, 0, "dependency " + label(dependency) + ": "
                        + e.file() + ": " + e.getMessage(), e);
            }
            if (!dependency.id().equals(loaded.id()) || !dependency.version().equals(loaded.version())) {
                throw new SourceException(configFile, line, 0, "dependency " + label(dependency)
                        + ": the package at " + location.found() + " is " + loaded.label() + " according to its package/package.json");
            }
            packages.add(loaded);
        }
        return new Dependencies(packages, missing);
    }

    /** The packages read, and those that are not on this machine. */
    public record Dependencies(List<LoadedPackage> loaded, List<MissingPackage> missing) {
        public Dependencies {
            loaded = List.copyOf(loaded);
            missing = List.copyOf(missing);
        }
    }

    /** Where a dependency was found, or every place it was looked for. */
    private record Located(Path found, List<String> tried) {
    }

    private Located locate(Path projectRoot, ProjectConfig.Dependency dependency) {
        if (dependency.path() != null && !dependency.path().isBlank()) {
            Path given = projectRoot.resolve(dependency.path()).normalize();
            return Files.exists(given) ? new Located(given, List.of()) : new Located(null, List.of(given + " (its 'path')"));
        }
        List<String> tried = new ArrayList<>();
        for (Path folder : searchFolders()) {
            Path candidate = folder.resolve(label(dependency));
            if (Files.isRegularFile(candidate.resolve("package").resolve("package.json"))) return new Located(candidate, List.of());
            tried.add(candidate.toString());
        }
        return new Located(null, tried);
    }

    private List<Path> searchFolders() {
        List<Path> folders = new ArrayList<>(packageFolders);
        folders.addAll(standardPackageCaches());
        return folders;
    }

    private static String label(ProjectConfig.Dependency dependency) {
        return dependency.id() + "#" + dependency.version();
    }

    private static String readConfigText(Path projectRoot, String configFile) {
        try {
            return Files.readString(projectRoot.resolve(configFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // only used to find line numbers; the config was already read successfully
        }
    }
}
