package jp.nexehrs.cli;

import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.load.ProjectNotFoundException;
import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.publish.PublishException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "packages", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "The FHIR package cache that other FHIR tools (SUSHI, fhir-package-loader) read, filled offline.",
        subcommands = PackagesCommand.Seed.class)
final class PackagesCommand {

    @Command(name = "seed", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {
                    "Writes hl7.fhir.r4.core#4.0.1 (made from the R4 definitions nexehrs carries: no registry serves it here) and,",
                    "inside a project, the project's dependencies into a FHIR package cache, as <id>#<version>/package/.",
                    "Packages already there are left as they are.",
                    "",
                    "By default the cache is nexehrs's own, apart from yours (~/.cache/nexehrs/fhir-home/.fhir/packages); run SUSHI",
                    "with HOME=~/.cache/nexehrs/fhir-home to use it. '--cache ~/.fhir/packages' fills your own cache instead."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:seeded", "1:the project's configuration has errors", "2:usage or environment error (cache not writable)"})
    static final class Seed implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--cache", paramLabel = "<folder>", description = "The package cache to fill (default: nexehrs's own, see above).")
        Path cache;

        @Override
        public Integer call() {
            return Runner.run(options, (toolkit, console) -> {
                Path target = cache != null ? cache : PackageSeeder.toolsCache();
                List<PackageSeeder.Seeded> seeded;
                try {
                    seeded = new PackageSeeder(toolkit.fhir()).seed(target, dependencies(toolkit.projectLoader()));
                } catch (IOException e) {
                    throw new PublishException("cannot write the package cache " + target + ": " + e.getMessage()
                            + " (give a folder you can write with --cache)", e);
                }
                for (PackageSeeder.Seeded each : seeded) {
                    console.info((each.written() ? "wrote " : "already there: ") + target.resolve(each.label()));
                }
                return ExitCode.OK;
            });
        }

        /** The project's dependencies when run inside a project; none elsewhere. */
        private List<PackageSeeder.Content> dependencies(ProjectLoader loader) throws Exception {
            Path root;
            try {
                root = ProjectLoader.locate(options.project);
            } catch (ProjectNotFoundException e) {
                return List.of();
            }
            Project project = loader.load(root);
            return project.dependencies().stream()
                    .map(loaded -> new PackageSeeder.Content(loaded.id(), loaded.version(), loaded.conformance())).toList();
        }
    }
}
