package jp.nexehrs.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import jp.nexehrs.report.NexehrsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeToolsTest {
    @TempDir
    Path cache;

    private NodeTools tools(String node, String npm) {
        return new NodeTools(cache, getClass().getClassLoader(), node, npm);
    }

    @Test
    void installsThePinnedSetOnceAndReusesIt() throws Exception {
        NodeTools tools = tools("node", "npm");
        assumeTrue(tools.nodeMajorVersion().isPresent(), "Node.js is not installed on this machine");

        InstalledTool axe = tools.install("axe", "The accessibility test injects axe-core");
        assertTrue(Files.isRegularFile(axe.module("axe-core").resolve("axe.min.js")), "npm ci installed axe-core");
        assertTrue(axe.folder().getFileName().toString().matches("axe-[0-9a-f]{16}"), axe.folder().toString());
        String version = Files.readString(axe.module("axe-core").resolve("package.json"));
        assertTrue(version.contains("\"version\": \"4.14.1\""), "the lock file's version, not the newest");

        FileTime installed = Files.getLastModifiedTime(axe.folder().resolve(".nexehrs-installed"));
        InstalledTool again = tools("/nonexistent/node", "/nonexistent/npm").install("axe", "again");
        assertEquals(axe.folder(), again.folder(), "an installed pin is found without Node");
        assertEquals(installed, Files.getLastModifiedTime(again.folder().resolve(".nexehrs-installed")));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(1, left.count(), "no temporary install folder is left behind");
        }
    }

    @Test
    void withoutNodeTheMessageSaysWhyAndHowToInstallIt() {
        NodeUnavailableException e = assertThrows(NodeUnavailableException.class,
                () -> tools("/nonexistent/node", "/nonexistent/npm").install("sushi", "This project has FSH sources (input/fsh), which SUSHI compiles"));
        assertEquals(NexehrsException.Kind.USAGE_OR_ENVIRONMENT, e.kind());
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith("This project has FSH sources (input/fsh), which SUSHI compiles; that needs Node.js, and no `node` command was found."), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install nodejs npm"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void aMissingNpmIsNamed() throws Exception {
        NodeTools tools = tools("node", "/nonexistent/npm");
        assumeTrue(tools.nodeMajorVersion().isPresent(), "Node.js is not installed on this machine");
        NodeUnavailableException e = assertThrows(NodeUnavailableException.class, () -> tools.install("axe", "The test needs axe-core"));
        assertTrue(e.getMessage().contains("/nonexistent/npm` could not be started"), e.getMessage());
    }

    @Test
    void anUnknownToolSetIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> tools("node", "npm").install("no-such-tool", "x"));
    }
}
