package jp.nexehrs.pipeline;

import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestToolkits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** This repository's own specification builds without errors, into a temporary copy (the repository is not written). */
class RepositorySpecificationTest {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void theSpecificationBuildsWithoutErrorsAndEveryDocumentAndProfileHasAPage() throws Exception {
        assertTrue(Files.isRegularFile(REPOSITORY.resolve("nexehrs.yaml")), "run from tooling/: " + REPOSITORY);
        Path root = dir.resolve("spec-copy");
        for (String part : List.of("spec", "profiles", "governance", "site-template")) {
            if (Files.exists(REPOSITORY.resolve(part))) TestProjects.copyTree(REPOSITORY.resolve(part), root.resolve(part));
        }
        Files.copy(REPOSITORY.resolve("nexehrs.yaml"), root.resolve("nexehrs.yaml"));

        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }

        assertTrue(TestProjects.errors(outcome.findings()).isEmpty(), describe(TestProjects.errors(outcome.findings())));
        Path site = root.resolve("build/site");
        assertTrue(Files.isRegularFile(site.resolve("index.html")));
        List<Path> documents;
        try (Stream<Path> walk = Files.walk(root.resolve("spec"))) {
            documents = walk.filter(p -> p.toString().endsWith(".adoc") && !p.getFileName().toString().startsWith("_")).toList();
        }
        assertFalse(documents.isEmpty());
        for (Path document : documents) {
            String relative = root.resolve("spec").relativize(document).toString();
            Path page = site.resolve(relative.substring(0, relative.length() - ".adoc".length()) + ".html");
            assertTrue(Files.isRegularFile(page), "a page for " + relative);
        }
        List<Path> profiles;
        try (Stream<Path> walk = Files.walk(root.resolve("profiles"))) {
            profiles = walk.filter(p -> p.getFileName().toString().startsWith("StructureDefinition-")
                    && p.toString().endsWith(".json") && !p.toString().contains("/invalid/")).toList();
        }
        assertFalse(profiles.isEmpty());
        for (Path profile : profiles) {
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(profile.toFile()).get("id").asText();
            assertTrue(Files.isRegularFile(site.resolve("StructureDefinition-" + id + ".html")), "a page for " + profile.getFileName());
        }
        assertTrue(Files.isRegularFile(root.resolve("build/package/jp.nexehrs.plan-0.1.0.tgz")));

        // No unexplained warnings: every accepted one carries its reason in nexehrs.yaml.
        List<jp.nexehrs.report.Finding> warnings = outcome.findings().stream()
                .filter(f -> f.severity() == jp.nexehrs.report.Severity.WARNING).toList();
        assertTrue(warnings.isEmpty(), describe(warnings));

        // Every conformance resource's page is reachable from a guideline document.
        StringBuilder allDocuments = new StringBuilder();
        for (Path document : documents) {
            String relative = root.resolve("spec").relativize(document).toString();
            allDocuments.append(Files.readString(site.resolve(relative.substring(0, relative.length() - ".adoc".length()) + ".html")));
        }
        try (Stream<Path> walk = Files.walk(root.resolve("profiles"))) {
            for (Path resource : walk.filter(p -> p.toString().endsWith(".json") && !p.toString().contains("/examples/")
                    && !p.toString().contains("/invalid/")).toList()) {
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(resource.toFile());
                String page = json.get("resourceType").asText() + "-" + json.get("id").asText() + ".html";
                assertTrue(allDocuments.toString().contains("href=\"" + page + "\""), "no guideline links to " + page);
            }
        }

        // The governance records are on the site: the passed ballot, its rule, and the reconciliation CSV with a BOM.
        String governance = Files.readString(site.resolve("governance.html"));
        assertTrue(governance.contains("2026-10-01-overview-0.1.0") && governance.contains("可決"), "governance page shows the ballot");
        byte[] csv = Files.readAllBytes(site.resolve("governance/01-overview-comments.csv"));
        assertTrue(csv.length > 3 && (csv[0] & 0xff) == 0xEF && (csv[1] & 0xff) == 0xBB && (csv[2] & 0xff) == 0xBF, "UTF-8 BOM");
    }

    @Test
    void aDocumentMarkedAdoptedWithoutAPassingBallotFailsTheBuildNamingBothFiles() throws Exception {
        Path root = dir.resolve("adopted-copy");
        for (String part : List.of("spec", "profiles", "governance")) TestProjects.copyTree(REPOSITORY.resolve(part), root.resolve(part));
        Files.copy(REPOSITORY.resolve("nexehrs.yaml"), root.resolve("nexehrs.yaml"));
        Path sharing = root.resolve("spec/03-sharing.adoc");
        Files.writeString(sharing, Files.readString(sharing).replace(":nexehrs-status: draft", ":nexehrs-status: adopted"));

        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.VALIDATE);
        }
        // VALIDATE converts no documents; the governance check runs on a full build only.
        assertTrue(TestProjects.errors(outcome.findings()).isEmpty(), describe(outcome.findings()));
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.BUILD);
        }
        List<jp.nexehrs.report.Finding> errors = TestProjects.errors(outcome.findings());
        assertTrue(errors.stream().anyMatch(f -> f.file().equals("spec/03-sharing.adoc") && f.message().contains("governance/ballots")),
                describe(errors));
        assertFalse(Files.exists(root.resolve("build/site")), "a failed build publishes no site");
    }
}
