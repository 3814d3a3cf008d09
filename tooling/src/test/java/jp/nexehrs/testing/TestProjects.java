package jp.nexehrs.testing;

import jp.nexehrs.cli.Main;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.report.Finding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Shared helpers for the pipeline tests: copy the fixture project into a temporary folder (tests never write
 * into src/test/resources), write files into it, run the CLI in-process capturing its output, and fingerprint
 * output trees.
 */
public final class TestProjects {
    /** The small project every pipeline test starts from (tests run with working directory tooling/). */
    public static final Path MINIMAL = Path.of("src/test/resources/projects/minimal");

    private TestProjects() {
    }

    /**
     * Loads the project at {@code root} with a new FHIR engine and converts its FHIR resources (snapshots; no
     * documents, so Asciidoctor is never started); fails when loading reported anything.
     */
    public static Converted convertResources(Path root) throws NexehrsException {
        FhirEngine engine = new FhirEngine();
        Project project = new ProjectLoader(engine).load(root);
        if (!project.findings().isEmpty()) throw new AssertionError("the fixture does not load cleanly: " + describe(project.findings()));
        return new Converter(engine, () -> {
            throw new AssertionError("no documents");
        }).convert(project, false);
    }

    /** Copies the minimal fixture into {@code target} and returns {@code target}. */
    public static Path copyMinimal(Path target) {
        return copyTree(MINIMAL, target);
    }

    /** This repository's specification (documents, profiles, governance, template and nexehrs.yaml) copied into {@code target}. */
    public static Path copyRepositorySpec(Path target) {
        Path repository = Path.of("..").toAbsolutePath().normalize();
        for (String part : List.of("spec", "profiles", "governance", "site-template")) {
            if (Files.exists(repository.resolve(part))) copyTree(repository.resolve(part), target.resolve(part));
        }
        try {
            Files.copy(repository.resolve("nexehrs.yaml"), target.resolve("nexehrs.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Each regular file under {@code dir} (relative path) with the SHA-256 of its bytes only, skipping {@code skipped} files and folders. */
    public static Map<String, String> contentDigests(Path dir, String... skipped) {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (Stream.of(skipped).anyMatch(s -> relative.equals(s) || relative.startsWith(s + "/"))) continue;
                digests.put(relative, sha256(Files.readAllBytes(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return digests;
    }

    /** Copies a folder tree (files and folders) into {@code target}, creating it. */
    public static Path copyTree(Path source, Path target) {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path from : walk.sorted().toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) Files.createDirectories(to);
                else Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Writes a UTF-8 file under {@code root}, creating folders. */
    public static Path write(Path root, String relative, String content) {
        return writeBytes(root, relative, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path writeBytes(Path root, String relative, byte[] content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A patient claiming the fixture's profile but without the required identifier. */
    public static String brokenPatient(String id) {
        return """
                {
                  "resourceType": "Patient",
                  "id": "%s",
                  "meta": {"profile": ["http://example.org/fhir/StructureDefinition/minimal-patient"]},
                  "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><p>x</p></div>"},
                  "name": [{"family": "山田", "given": ["次郎"]}]
                }
                """.formatted(id);
    }

    /** The exit code and what the CLI printed. */
    public record CliResult(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code nexehrs args...} in this JVM with System.out/err captured (restored afterwards). */
    public static synchronized CliResult runCli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exit = Main.commandLine(TestToolkits.engines()).execute(args);
            capturedOut.flush();
            capturedErr.flush();
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new CliResult(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Each regular file under {@code dir} (relative path) with the SHA-256 of its bytes and its mtime. */
    public static Map<String, String> fingerprint(Path dir) {
        Map<String, String> prints = new TreeMap<>();
        if (!Files.exists(dir)) return prints;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                prints.put(dir.relativize(file).toString().replace('\\', '/'),
                        sha256(Files.readAllBytes(file)) + "@" + Files.getLastModifiedTime(file).toMillis());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return prints;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The findings on one file, for assertion messages and filters. */
    public static List<Finding> on(List<Finding> findings, String file) {
        return findings.stream().filter(f -> f.file().equals(file)).toList();
    }

    public static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    /** All findings as lines, for assertion messages. */
    public static String describe(List<Finding> findings) {
        return findings.stream().map(Finding::toLine).collect(Collectors.joining("\n", "\n", "\n"));
    }
}
