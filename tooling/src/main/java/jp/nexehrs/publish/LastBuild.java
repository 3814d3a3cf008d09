package jp.nexehrs.publish;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.report.Finding;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code build/} holds: the digest of the inputs of the build that wrote it, the dependency packages that
 * build read (each with its digest), its findings and what it wrote. Written after a build of the working tree
 * published everything; removed by {@link Publisher#publish} before it writes, so it never describes
 * output that another build (a failed one, a clean one, another version) has since replaced.
 *
 * @param inputs       the digest of the project's inputs and the build's options and toolchain
 * @param dependencies each dependency package read (its location) with its digest
 */
public record LastBuild(String inputs, Map<String, String> dependencies, List<Finding> findings, List<String> written) {
    static final String FILE = ".last-build.json";
    /** Findings carry derived properties (such as {@code error}) that are written but not read back. */
    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public LastBuild {
        dependencies = Map.copyOf(dependencies);
        findings = List.copyOf(findings);
        written = List.copyOf(written);
    }

    /** The record in {@code buildDir}, or empty when there is none or it cannot be read (then the build runs). */
    public static Optional<LastBuild> read(Path buildDir) {
        Path file = buildDir.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(JSON.readValue(file.toFile(), LastBuild.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Writes the record whole (a temporary file moved into place). */
    public void write(Path buildDir) throws PublishException {
        Path file = buildDir.resolve(FILE);
        try {
            Path temporary = Files.createTempFile(buildDir, ".last-build-", ".json");
            try {
                JSON.writeValue(temporary.toFile(), this);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (JacksonException e) {
            throw new PublishException("cannot record the build in " + file + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new PublishException("cannot record the build in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Forgets what build/ held: called before anything in it is replaced. */
    static void forget(Path buildDir) throws IOException {
        Files.deleteIfExists(buildDir.resolve(FILE));
    }

    /** Whether everything the build wrote is still there. */
    public boolean outputPresent() {
        return written.stream().allMatch(path -> Files.exists(Path.of(path)));
    }
}
