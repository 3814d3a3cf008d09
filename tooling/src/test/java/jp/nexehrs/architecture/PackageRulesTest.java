package jp.nexehrs.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The written map stays true: the toolchain's packages keep the pipeline's direction (no stage imports a later one,
 * fhir and util import no stage, no cycles), and every package is explained in its package-info.java, in
 * ARCHITECTURE.md and in the README's layout section.
 */
class PackageRulesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path REPOSITORY = Path.of("..");

    @Test
    void thePackagesKeepThePipelinesDirection() {
        assertEquals(List.of(), PackageRules.violations(PackageRules.dependencies(SOURCES)));
    }

    @Test
    void aStageImportingALaterOneIsCaught() {
        List<String> violations = PackageRules.violations(Map.of("convert", Set.of("load", "compose"), "load", Set.of()));
        assertEquals(List.of("convert (level 2) imports compose (level 4): a stage never imports a later one"), violations);
    }

    @Test
    void foundationImportingAStageIsCaught() {
        assertEquals(List.of("fhir is foundation and must not import the stage or flow check"),
                PackageRules.violations(Map.of("fhir", Set.of("report", "check"))));
        assertEquals(List.of("util is foundation and must not import the stage or flow load"),
                PackageRules.violations(Map.of("util", Set.of("load"))));
    }

    @Test
    void aCycleIsCaught() {
        List<String> violations = PackageRules.violations(Map.of("util", Set.of("report"), "report", Set.of("util")));
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("package cycle: "), violations.toString());
    }

    @Test
    void aPackageWithoutAPlaceIsCaught() {
        assertEquals(List.of("markdown has no place in PackageRules.LEVELS (and ARCHITECTURE.md): say which stage it belongs to"),
                PackageRules.violations(Map.of("markdown", Set.of("load"))));
    }

    @Test
    void everyPackageHasAPackageInfo() {
        for (String pkg : PackageRules.dependencies(SOURCES).keySet()) {
            Path info = SOURCES.resolve((PackageRules.ROOT + "." + pkg).replace('.', '/')).resolve("package-info.java");
            assertTrue(Files.isRegularFile(info), "no package-info.java in " + pkg);
        }
    }

    @Test
    void architectureAndReadmeNameEveryPackage() throws IOException {
        String architecture = Files.readString(REPOSITORY.resolve("ARCHITECTURE.md"));
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        String layout = readme.substring(readme.indexOf("## Layout"));
        for (String pkg : PackageRules.dependencies(SOURCES).keySet()) {
            String name = "`" + pkg.replace('.', '/') + "`";
            assertTrue(architecture.contains(name), "ARCHITECTURE.md does not name the package " + name);
            assertTrue(layout.contains(name), "the README's layout section does not name the package " + name);
        }
    }
}
