package jp.nexehrs.compose;

import jp.nexehrs.CorpusFixtures;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestToolkits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the JP Core 1.1.2 package as a site: a temporary project whose profiles/ are JP Core's StructureDefinitions
 * (with their published snapshots, which the build keeps), ValueSets and CodeSystems, and whose examples/ are its
 * 48 examples (copied from the shared corpus into a temporary folder, never into the repository). Every artifact and
 * example gets a page and page rendering raises nothing; JP Core's own validation findings are counted and printed,
 * with the time the whole build took (recorded in tooling/BENCHMARKS.md).
 */
class JpCoreSiteBenchmarkTest {
    private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem");
    private static final Set<String> NOT_EXAMPLES = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter",
            "NamingSystem", "CapabilityStatement", "ImplementationGuide", "package.json");

    @TempDir
    Path dir;

    @Test
    void everyJpCoreArtifactAndExampleGetsAPage() throws Exception {
        Path packageFolder = CorpusFixtures.jpCore112().resolve("expected/snapshot/package");
        Path root = dir.resolve("jp-core-site");
        Map<String, Integer> copied = new TreeMap<>();
        try (Stream<Path> files = Files.list(packageFolder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String type = file.getFileName().toString().split("-")[0];
                String folder = CONFORMANCE.contains(type) ? "profiles/" + type.toLowerCase() + "s"
                        : NOT_EXAMPLES.contains(type) ? null : "profiles/examples";
                if (folder == null) continue;
                Files.createDirectories(root.resolve(folder));
                Files.copy(file, root.resolve(folder).resolve(file.getFileName()));
                copied.merge(CONFORMANCE.contains(type) ? type : "example", 1, Integer::sum);
            }
        }
        assertEquals(89, copied.get("StructureDefinition"));
        assertEquals(48, copied.get("example"));
        Files.writeString(root.resolve("nexehrs.yaml"), """
                id: test.jpcore.site
                canonical: http://jpfhir.jp/fhir/core
                version: 1.1.2
                fhirVersion: 4.0.1
                title:
                  ja: JP Core 1.1.2 の表示試験
                  en: JP Core 1.1.2 rendered as a site
                status: draft
                publisher: テスト
                license: CC0-1.0
                """, StandardCharsets.UTF_8);

        long start = System.nanoTime();
        Outcome outcome;
        try (Toolkit toolkit = TestToolkits.of(2, 946684800L)) {
            outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PREVIEW);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, byte[]> pages = outcome.products().siteFiles()
                .collect(Collectors.toMap(f -> f.path(), f -> f.content(), (a, b) -> a));
        Map<String, Long> bySeverity = outcome.findings().stream()
                .collect(Collectors.groupingBy(f -> f.severity().label(), TreeMap::new, Collectors.counting()));
        Map<String, Long> errorsByKind = outcome.findings().stream().filter(Finding::isError)
                .collect(Collectors.groupingBy(JpCoreSiteBenchmarkTest::kind, TreeMap::new, Collectors.counting()));
        System.out.printf("JP Core 1.1.2 as a site: %d StructureDefinitions, %d ValueSets, %d CodeSystems, %d examples;"
                        + " %d pages and files in %.1f s (stage ms %s); findings %s; errors by kind %s%n",
                copied.get("StructureDefinition"), copied.get("ValueSet"), copied.get("CodeSystem"), copied.get("example"),
                pages.size(), seconds, outcome.timings().millis(), bySeverity, errorsByKind);
        outcome.findings().stream().filter(Finding::isError).filter(f -> !kind(f).equals("codesystem"))
                .forEach(f -> System.out.println("    " + f.toLine()));
        int conformancePages = 0;
        int examplePages = 0;
        try (Stream<Path> files = Files.walk(root.resolve("profiles"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String name = file.getFileName().toString();
                var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
                String page = json.path("resourceType").asText() + "-" + json.path("id").asText() + ".html";
                assertTrue(pages.containsKey(page), "a page for " + name);
                Document html = Jsoup.parse(new String(pages.get(page), StandardCharsets.UTF_8));
                assertNotNull(html.selectFirst("main h1"), page);
                if (file.getParent().endsWith("examples")) examplePages++;
                else conformancePages++;
                if (name.startsWith("StructureDefinition-")) {
                    assertFalse(html.select("table.element-tree[data-view=snapshot] tbody tr").isEmpty(), "snapshot rows on " + page);
                }
            }
        }
        assertEquals(copied.values().stream().mapToInt(Integer::intValue).sum(), conformancePages + examplePages);

        assertTrue(outcome.findings().stream().noneMatch(f -> f.file().startsWith("site-template")), "page rendering raised nothing");
    }

    private static String kind(Finding finding) {
        String file = finding.file();
        return file.contains("/examples/") ? "example" : file.contains("/structuredefinitions/") ? "profile"
                : file.contains("/valuesets/") ? "valueset" : file.contains("/codesystems/") ? "codesystem" : file;
    }
}
