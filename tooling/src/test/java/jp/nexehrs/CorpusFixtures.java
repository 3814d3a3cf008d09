package jp.nexehrs;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Test inputs that live outside the repository: the shared corpus of others' guides (beside the project root,
 * absent on a new user's machine, so tests that need it skip with a message), and copies of this module's
 * fixture projects in a temporary folder (builds write into the project).
 */
public final class CorpusFixtures {
    private CorpusFixtures() {
    }

    /** {@code ../shared/corpus}: seen from tooling/ (Maven's working folder) or from the repository root. */
    public static Optional<Path> corpus() {
        Path here = Path.of("").toAbsolutePath();
        return Stream.of(here.resolve("../../shared/corpus"), here.resolve("../shared/corpus"))
                .map(Path::normalize).filter(Files::isDirectory).findFirst();
    }

    /** The JP Core 1.1.2 release folder of the corpus; the calling test is skipped, saying why, when it is absent. */
    public static Path jpCore112() {
        Optional<Path> folder = corpus().map(c -> c.resolve("jp-core-1.1.2")).filter(Files::isDirectory);
        Assumptions.assumeTrue(folder.isPresent(), "SKIPPED: the shared corpus (../shared/corpus/jp-core-1.1.2 beside the"
                + " project root) is absent, so the JP Core tests cannot run here");
        return folder.get();
    }

    /** JP Core 1.2.0 (FSH, Markdown pages, intros and notes) of the corpus; the calling test is skipped, saying why, when it is absent. */
    public static Path jpCore() {
        Optional<Path> folder = corpus().map(c -> c.resolve("jp-core")).filter(Files::isDirectory);
        Assumptions.assumeTrue(folder.isPresent(), "SKIPPED: the shared corpus (../shared/corpus/jp-core beside the"
                + " project root) is absent, so the JP Core 1.2.0 tests cannot run here");
        return folder.get();
    }

    /**
     * JP Core 1.1.2 as its editors would bring it: its differential package's resources (differentials, examples and
     * its ImplementationGuide) copied as they are into {@code root/profiles}, and a nexehrs.yaml that says what the
     * guide's own configuration says; its jpfhir-terminology dependency is not obtainable, so missing dependencies
     * are warnings. Skips the calling test, saying why, without the corpus.
     */
    public static Path jpCore112Project(Path root) throws IOException {
        Path jpCore = jpCore112();
        Files.createDirectories(root.resolve("profiles"));
        Files.writeString(root.resolve("nexehrs.yaml"), """
                id: jpfhir.jp.core
                canonical: http://jpfhir.jp/fhir/core
                canonicals:
                  - http://jpfhir.jp/fhir/Examples
                version: 1.1.2
                fhirVersion: 4.0.1
                title:
                  ja: JP Core
                  en: JP Core
                status: draft
                publisher: JAMI
                license: CC0-1.0
                missingDependencies: warn
                """);
        try (Stream<Path> files = Files.list(jpCore.resolve("expected/diff/package"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).filter(f -> !f.getFileName().toString().startsWith("package")
                    && !f.getFileName().toString().startsWith(".")).sorted().toList()) {
                Files.copy(file, root.resolve("profiles").resolve(file.getFileName().toString()));
            }
        }
        return root;
    }

    /** The JAMI ePrescription guide of the corpus; the calling test is skipped, saying why, when it is absent. */
    public static Path jpEPrescription() {
        Optional<Path> folder = corpus().map(c -> c.resolve("jp-eprescription")).filter(Files::isDirectory);
        Assumptions.assumeTrue(folder.isPresent(), "SKIPPED: the shared corpus (../shared/corpus/jp-eprescription beside the"
                + " project root) is absent, so the ePrescription test cannot run here");
        return folder.get();
    }

    /**
     * The {@code run.sh} of the HL7 reference tools beside the corpus ({@code ../shared/tools/peer-validator}); the
     * calling test is skipped, saying why, when it is absent.
     */
    public static Path peerValidator() {
        Optional<Path> script = corpus().map(c -> c.resolveSibling("tools/peer-validator/run.sh")).filter(Files::isRegularFile);
        Assumptions.assumeTrue(script.isPresent(), "SKIPPED: the HL7 reference tools (../shared/tools/peer-validator beside the"
                + " project root) are absent, so the peer's snapshots cannot be made here");
        // Building the peer takes minutes of Maven: the suite uses it when it is built, never builds it.
        Assumptions.assumeTrue(Files.isRegularFile(script.get().resolveSibling("target/peer-validator.jar")), "SKIPPED: the HL7"
                + " reference tools are not built (run ../shared/tools/peer-validator/run.sh once), so the peer's snapshots cannot be made here");
        return script.get();
    }

    /** A copy of {@code src/test/resources/projects/<name>} in {@code target}. */
    public static Path copyProject(String name, Path target) {
        URL url = CorpusFixtures.class.getResource("/projects/" + name);
        if (url == null) throw new IllegalArgumentException("no fixture project " + name);
        try {
            Path source = Path.of(url.toURI());
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.toList();
            }
            for (Path file : files) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(copy);
                else Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
