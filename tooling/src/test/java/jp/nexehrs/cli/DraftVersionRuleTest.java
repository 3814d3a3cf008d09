package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule "only a tag produces the plain version": {@code --draft} labels the package, and the repository's workflows
 * build branches and pull requests with it and tags without it.
 */
class DraftVersionRuleTest {
    private static final Path WORKFLOWS = Path.of("..", ".github", "workflows");

    @TempDir
    Path dir;

    @Test
    void packageDraftWritesTheDraftVersion() {
        Path root = TestProjects.copyMinimal(dir.resolve("p"));
        TestProjects.CliResult result = TestProjects.runCli("package", "--draft", "--project", root.toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(Files.isRegularFile(root.resolve("build/package/example.minimal-1.0.0-cibuild.tgz")), result.toString());
        assertFalse(Files.exists(root.resolve("build/package/example.minimal-1.0.0.tgz")));
    }

    @Test
    void branchesBuildDraftsAndOnlyTheReleaseWorkflowBuildsThePlainVersion() throws IOException {
        List<String> ci = buildLines("ci.yml");
        assertFalse(ci.isEmpty(), "ci.yml builds the specification");
        ci.forEach(line -> assertTrue(line.contains("--draft"), "ci.yml runs on main and pull requests: " + line));
        List<String> pages = buildLines("pages.yml");
        pages.forEach(line -> assertTrue(line.contains("--all-versions"), "pages.yml builds 'current' as a draft: " + line));
        String release = Files.readString(WORKFLOWS.resolve("release.yml"));
        assertTrue(release.contains("tags:"), "release.yml runs on tags");
        List<String> releaseBuilds = buildLines("release.yml");
        assertFalse(releaseBuilds.isEmpty());
        releaseBuilds.forEach(line -> assertFalse(line.contains("--draft"), "a tag builds the plain version: " + line));
    }

    private static List<String> buildLines(String workflow) throws IOException {
        return Files.readAllLines(WORKFLOWS.resolve(workflow)).stream().map(String::strip)
                .filter(line -> line.matches("(run: )?\\./nexehrs build.*")).toList();
    }
}
