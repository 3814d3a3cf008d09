package jp.nexehrs.fsh;

import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.node.InstalledTool;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.node.NodeUnavailableException;
import jp.nexehrs.node.ProcessOutput;
import jp.nexehrs.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the pinned SUSHI on a copy of the FSH sources in a temporary folder, never in the user's working tree, with
 * a home folder of its own whose package cache holds the R4 core package (written once into nexehrs's tools cache and
 * linked) and the given dependencies (written afresh each run, so a rebuilt dependency of the same version is never
 * read stale). The package registry is pointed at a closed local port: offline, SUSHI fails at once where it would
 * try to download, instead of waiting on the network.
 */
public final class Sushi {
    /** Where, in the folder SUSHI compiles, the FSH sources go; messages name files under it. */
    public static final String SOURCES = "input/fsh";
    private static final Duration TIMEOUT = Duration.ofMinutes(20);
    private static final String CLOSED_REGISTRY = "http://127.0.0.1:9";

    private final NodeTools tools;
    private final PackageSeeder seeder;
    private final Path coreCache;

    /** @param coreCache the package cache that keeps the R4 core package between runs (nexehrs's tools cache) */
    public Sushi(NodeTools tools, PackageSeeder seeder, Path coreCache) {
        this.tools = tools;
        this.seeder = seeder;
        this.coreCache = coreCache;
    }

    /** A resource SUSHI wrote: its file name in {@code fsh-generated/resources} and its JSON text. */
    public record GeneratedFile(String name, String json) {
    }

    /**
     * What one run gave: the resources it wrote, what it logged, and its exit code (the number of errors).
     *
     * @param messages files are named as in the compiled folder: {@code input/fsh/...} or {@code sushi-config.yaml}
     */
    public record Compiled(List<GeneratedFile> files, List<SushiMessage> messages, int exitCode) {
        public Compiled {
            files = List.copyOf(files);
            messages = List.copyOf(messages);
        }
    }

    /** An FSH file to compile: where it is, and its path under {@link #SOURCES}. */
    public record Source(Path file, String relativePath) {
    }

    /**
     * @param why what needs SUSHI, for the message when Node is missing
     * @throws NodeUnavailableException when Node is missing, SUSHI cannot be installed, or it did not finish in time
     */
    public Compiled compile(String sushiConfig, List<Source> sources, List<PackageSeeder.Content> dependencies, String why)
            throws NodeUnavailableException {
        InstalledTool sushi = tools.install("sushi", why);
        Path work = null;
        try {
            work = Files.createTempDirectory("nexehrs-sushi-").toRealPath();
            Path project = Files.createDirectories(work.resolve("project"));
            Files.writeString(project.resolve(FshFolders.SUSHI_CONFIG), sushiConfig, StandardCharsets.UTF_8);
            for (Source source : sources) {
                Path target = project.resolve(SOURCES).resolve(source.relativePath());
                Files.createDirectories(target.getParent());
                Files.copy(source.file(), target);
            }
            Path home = work.resolve("home");
            preparePackageCache(home.resolve(".fhir").resolve("packages"), dependencies);
            List<String> command = List.of(tools.node(), sushi.module("fsh-sushi").resolve("dist").resolve("app.js").toString(),
                    "build", project.toString(), "--log-level", "warn");
            ProcessOutput output = NodeTools.run(command, project, environment(home), TIMEOUT);
            List<SushiMessage> messages = SushiMessages.read(output.stdout()).stream().map(m -> relativeTo(project, m)).toList();
            return new Compiled(generated(project), messages, output.exitCode());
        } catch (IOException e) {
            throw new NodeUnavailableException(why + ", but the folder SUSHI compiles in could not be prepared: " + e.getMessage());
        } finally {
            if (work != null) Folders.deleteQuietly(work);
        }
    }

    private void preparePackageCache(Path packages, List<PackageSeeder.Content> dependencies) throws IOException {
        PackageSeeder.Seeded core = seeder.seedCore(coreCache);
        Files.createDirectories(packages);
        Path link = packages.resolve(core.label());
        try {
            Files.createSymbolicLink(link, coreCache.resolve(core.label()).toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            seeder.seedCore(packages); // no links here (Windows without the right): a copy of its own
        }
        for (PackageSeeder.Content dependency : dependencies) seeder.seed(packages, dependency);
    }

    private static Map<String, String> environment(Path home) {
        return Map.of("HOME", home.toString(), "USERPROFILE", home.toString(), "FORCE_COLOR", "0",
                "NO_UPDATE_NOTIFIER", "1", "npm_config_update_notifier", "false", "FPL_REGISTRY", CLOSED_REGISTRY);
    }

    private static SushiMessage relativeTo(Path project, SushiMessage message) {
        return new SushiMessage(message.error(), message.message(), relative(project, message.file()), message.line(),
                relative(project, message.appliedFile()), message.appliedLine());
    }

    private static String relative(Path project, String file) {
        if (file.isEmpty()) return file;
        try {
            Path path = Path.of(file);
            Path absolute = path.isAbsolute() ? path : project.resolve(path);
            return absolute.normalize().startsWith(project) ? project.relativize(absolute.normalize()).toString().replace('\\', '/') : file;
        } catch (java.nio.file.InvalidPathException e) {
            return file;
        }
    }

    private static List<GeneratedFile> generated(Path project) throws IOException {
        Path resources = FshFolders.generatedResources(project);
        if (!Files.isDirectory(resources)) return List.of();
        List<GeneratedFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(resources)) {
            for (Path file : list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                files.add(new GeneratedFile(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return files;
    }
}
