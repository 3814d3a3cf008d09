package jp.nexehrs.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.nexehrs.util.Folders;
import jp.nexehrs.util.UserCache;

/**
 * Installs and runs the Node tools nexehrs pins. A tool set is a folder of resources
 * ({@code jp/nexehrs/node/<name>/package.json} and {@code package-lock.json}) on the class path; it is installed
 * with {@code npm ci} into {@code <cache>/<name>-<digest of the two files>}, so a changed pin installs afresh and
 * an unchanged one is never installed twice. The install happens in a temporary folder moved into place at the
 * end: an interrupted install leaves nothing that looks complete.
 */
public final class NodeTools {
    /** The oldest Node major version the pinned tools support (SUSHI 3 needs 18). */
    static final int MINIMUM_NODE_MAJOR = 18;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
    private static final String INSTALLED_MARKER = ".nexehrs-installed";

    private final Path cacheRoot;
    private final ClassLoader resources;
    private final String node;
    private final String npm;

    /**
     * @param resources where the tool sets' pins are found (the jar's, or the tests' class path)
     * @param node      the {@code node} command (a name found on the PATH, or a path)
     * @param npm       the {@code npm} command
     */
    public NodeTools(Path cacheRoot, ClassLoader resources, String node, String npm) {
        this.cacheRoot = cacheRoot;
        this.resources = resources;
        this.node = node;
        this.npm = npm;
    }

    /** Tools installed under the user's cache ({@code $XDG_CACHE_HOME/nexehrs/node} or {@code ~/.cache/nexehrs/node}). */
    public static NodeTools inUserCache() {
        return new NodeTools(defaultCacheRoot(), NodeTools.class.getClassLoader(), "node", "npm");
    }

    /** The {@code node} command this instance runs tools with. */
    public String node() {
        return node;
    }

    public static Path defaultCacheRoot() {
        return UserCache.folder().resolve("node");
    }

    /**
     * The tool set, installed if it is not yet.
     *
     * @param why what needs the tool, for the message when Node is missing (e.g. "This project has FSH sources
     *            (input/fsh), which SUSHI compiles")
     */
    public InstalledTool install(String toolSet, String why) throws NodeUnavailableException {
        byte[] manifest = resource(toolSet, "package.json");
        byte[] lock = resource(toolSet, "package-lock.json");
        Path target = cacheRoot.resolve(toolSet + "-" + digest(manifest, lock));
        if (Files.isRegularFile(target.resolve(INSTALLED_MARKER))) {
            return new InstalledTool(toolSet, target);
        }
        requireNode(why);
        Path temporary = null;
        try {
            Files.createDirectories(cacheRoot);
            temporary = Files.createTempDirectory(cacheRoot, "." + toolSet + "-installing-");
            Files.write(temporary.resolve("package.json"), manifest);
            Files.write(temporary.resolve("package-lock.json"), lock);
            ProcessOutput npm = runInstall(temporary, why);
            if (!npm.succeeded()) {
                throw new NodeUnavailableException(why + ", but `npm ci` could not install the pinned " + toolSet
                        + " (exit " + npm.exitCode() + "): " + lastLines(npm.stderr().isBlank() ? npm.stdout() : npm.stderr()));
            }
            Files.writeString(temporary.resolve(INSTALLED_MARKER), toolSet + "\n");
            moveIntoPlace(temporary, target);
            return new InstalledTool(toolSet, target);
        } catch (IOException e) {
            throw new NodeUnavailableException(why + ", but the pinned " + toolSet + " could not be installed in "
                    + cacheRoot + ": " + e.getMessage());
        } finally {
            if (temporary != null && Files.exists(temporary)) Folders.deleteQuietly(temporary);
        }
    }

    /** The installed Node's major version, or empty when {@code node} is not on the PATH. */
    public Optional<Integer> nodeMajorVersion() {
        try {
            ProcessOutput version = run(List.of(node, "--version"), Path.of("."), Map.of(), Duration.ofSeconds(30));
            Matcher m = NODE_VERSION.matcher(version.stdout().trim());
            return version.succeeded() && m.lookingAt() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (NodeUnavailableException e) {
            return Optional.empty();
        }
    }

    private ProcessOutput runInstall(Path folder, String why) throws NodeUnavailableException {
        try {
            return run(List.of(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"), folder, Map.of(), INSTALL_TIMEOUT);
        } catch (NodeUnavailableException e) {
            throw new NodeUnavailableException(why + "; installing it failed: " + e.getMessage());
        }
    }

    private void requireNode(String why) throws NodeUnavailableException {
        Optional<Integer> major = nodeMajorVersion();
        String install = " Install Node.js " + MINIMUM_NODE_MAJOR + " or newer with npm (Debian: `apt-get install nodejs npm`;"
                + " elsewhere the installer from nodejs.org), then run the command again. Projects without FSH never need Node.";
        if (major.isEmpty()) {
            throw new NodeUnavailableException(why + "; that needs Node.js, and no `node` command was found." + install);
        }
        if (major.get() < MINIMUM_NODE_MAJOR) {
            throw new NodeUnavailableException(why + "; that needs Node.js " + MINIMUM_NODE_MAJOR + " or newer, and this machine has "
                    + major.get() + "." + install);
        }
    }

    /**
     * Runs a command to its end (or the timeout), its output collected whole.
     *
     * @throws NodeUnavailableException when the command cannot be started or does not end in time
     */
    public static ProcessOutput run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws NodeUnavailableException {
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("nexehrs-tool-", ".out");
            err = Files.createTempFile("nexehrs-tool-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new NodeUnavailableException("`" + String.join(" ", command) + "` did not finish within "
                        + timeout.toMinutes() + " minutes and was stopped");
            }
            return new ProcessOutput(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NodeUnavailableException("`" + command.get(0) + "` could not be started: is it installed and on the PATH?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeUnavailableException("`" + String.join(" ", command) + "` was interrupted");
        } finally {
            deleteIfPresent(out);
            deleteIfPresent(err);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void deleteIfPresent(Path file) {
        if (file == null) return;
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("temporary file " + file + " could not be deleted", e);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another run installed the same pin meanwhile: theirs is as good as ours
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
    }

    private byte[] resource(String toolSet, String file) {
        String name = "jp/nexehrs/node/" + toolSet + "/" + file;
        try (InputStream in = resources.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no pinned tool set " + toolSet + " (" + name + " is not on the class path)");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }

    private static String digest(byte[] manifest, byte[] lock) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(manifest);
            sha.update((byte) 0);
            sha.update(lock);
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String lastLines(String text) {
        List<String> lines = new ArrayList<>(text.strip().lines().toList());
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }
}
