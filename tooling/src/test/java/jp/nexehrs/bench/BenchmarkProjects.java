package jp.nexehrs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the projects the benchmark builds: a JP-Core-sized guide assembled from the corpus (JP Core 1.1.2's
 * package, 89 StructureDefinitions and 48 examples, plus JP Core 1.2.0's 20 Japanese pages), and synthetic
 * specifications that repeat it k times under other ids and URLs, to show how cost grows with size. Nothing is
 * written into the repository: the output goes to a folder the caller chooses.
 */
public final class BenchmarkProjects {
    static final String JP_CORE_CANONICAL = "http://jpfhir.jp/fhir/core";
    private static final Set<String> CONFORMANCE = Set.of("StructureDefinition", "ValueSet", "CodeSystem");
    private static final Set<String> NOT_EXAMPLES = Set.of("StructureDefinition", "ValueSet", "CodeSystem", "SearchParameter",
            "CapabilityStatement", "ImplementationGuide", "NamingSystem", "OperationDefinition");
    private final ObjectMapper json = new ObjectMapper();
    private final Path corpus;

    public BenchmarkProjects(Path corpus) {
        this.corpus = corpus;
    }

    /** (b) with every StructureDefinition's snapshot taken out: a guide as its editors write it, whose snapshots the build generates. */
    public Path writeDifferentials(Path target) throws IOException {
        write(target, 1);
        List<Path> definitions;
        try (Stream<Path> files = Files.list(target.resolve("profiles/structuredefinitions"))) {
            definitions = files.toList();
        }
        for (Path definition : definitions) {
            ObjectNode node = (ObjectNode) json.readTree(definition.toFile());
            if (!node.has("differential")) continue;
            node.remove("snapshot");
            Files.writeString(definition, json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        }
        return target;
    }

    /** The version of the Japanese terminology package JP Core 1.2.0's sushi-config.yaml depends on. */
    public static final String JP_TERMINOLOGY_VERSION = "1.4.0";
    public static final String JP_TERMINOLOGY_ID = "jpfhir-terminology.r4";

    /**
     * The Japanese terminology guide ({@code jp-core/terminologies_external}: its code systems and value sets in FSH)
     * as a nexehrs project of its own, {@code fsh/} holding those files and the aliases they use, which live in JP Core's
     * {@code input/fsh}: what an editor who builds the terminology package apart from JP Core would put together. Its
     * canonical is the package's own (JP Core names it by that); its code systems and value sets keep the URLs their
     * FSH gives them (under JP Core's, MEDIS's and JAMI's bases), and the code systems they name that live in JP Core
     * or nowhere in the corpus are not checked, never errors.
     */
    public Path writeJpTerminologyFromFsh(Path target) throws IOException {
        Path guide = corpus.resolve("jp-core");
        Files.createDirectories(target);
        Files.writeString(target.resolve("nexehrs.yaml"), """
                id: %s
                canonical: http://jpfhir.jp/fhir/jpfhir-terminology
                version: %s
                fhirVersion: 4.0.1
                title:
                  ja: JP Core 用の外部用語集
                  en: JP FHIR terminology
                status: active
                publisher: FHIR Japanese implementation research working group in Japan Association of Medical Informatics (JAMI)
                license: not-open-source
                """.formatted(JP_TERMINOLOGY_ID, JP_TERMINOLOGY_VERSION));
        copyTree(guide.resolve("terminologies_external"), target.resolve("fsh"));
        try (Stream<Path> aliases = Files.list(guide.resolve("input/fsh"))) {
            for (Path alias : aliases.filter(f -> f.getFileName().toString().startsWith("aliases")).sorted().toList()) {
                Files.copy(alias, target.resolve("fsh").resolve(alias.getFileName()));
            }
        }
        return target;
    }

    /**
     * JP Core 1.2.0 from its FSH, in the IG Publisher's layout ({@code sushi-config.yaml} and {@code input/fsh} as the
     * guide has them), with a nexehrs.yaml saying what its sushi-config.yaml says: its terminology dependency from
     * {@code terminologyPackage} (the package the terminology guide built), or, when absent, named but not on this
     * machine, so that the build goes on without it.
     */
    public Path writeJpCore120FromFsh(Path target, java.util.Optional<Path> terminologyPackage) throws IOException {
        return writeJpCoreFromFsh(corpus.resolve("jp-core"), target, "1.2.0", JP_TERMINOLOGY_ID, JP_TERMINOLOGY_VERSION, terminologyPackage);
    }

    /**
     * JP Core 1.1.2 from the FSH sources of its snapshot package ({@code src-for-snapshot-package}: sushi-config.yaml and
     * input/fsh), with a nexehrs.yaml saying what the configuration says; its jpfhir-terminology#1.1.1 is not obtainable.
     */
    public Path writeJpCore112FromFsh(Path target) throws IOException {
        return writeJpCoreFromFsh(corpus.resolve("jp-core-1.1.2/src-for-snapshot-package"), target, "1.1.2", "jpfhir-terminology", "1.1.1",
                java.util.Optional.empty());
    }

    /** A JP Core release's sushi-config.yaml and input/fsh, with a nexehrs.yaml naming its terminology dependency. */
    private static Path writeJpCoreFromFsh(Path guide, Path target, String version, String terminologyId, String terminologyVersion,
                                           java.util.Optional<Path> terminologyPackage) throws IOException {
        Files.createDirectories(target);
        String path = terminologyPackage.map(p -> "\n    path: \"" + p.toAbsolutePath().toString().replace("\\", "/") + "\"").orElse("");
        Files.writeString(target.resolve("nexehrs.yaml"), """
                id: jpfhir.jp.core
                canonical: %s
                version: %s
                fhirVersion: 4.0.1
                title:
                  ja: HL7 FHIR JP Core 実装ガイド
                  en: HL7 FHIR JP Core ImplementationGuide
                status: active
                publisher: FHIR Japanese implementation research working group in Japan Association of Medical Informatics (JAMI)
                license: not-open-source
                dependencies:
                  - id: %s
                    version: %s%s
                """.formatted(JP_CORE_CANONICAL, version, terminologyId, terminologyVersion, path));
        Files.copy(guide.resolve("sushi-config.yaml"), target.resolve("sushi-config.yaml"));
        copyTree(guide.resolve("input/fsh"), target.resolve("input/fsh"));
        return target;
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path file : walk.sorted().toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) Files.createDirectories(copy);
                else Files.copy(file, copy);
            }
        }
    }

    /**
     * The JAMI ePrescription guide (v0.9.3) as its editors would bring it: every file of its SUSHI output copied as it
     * is into {@code profiles/} (its ImplementationGuide, profiles, terminology and examples side by side), with its
     * jp-core draft dependency from the package file the guide keeps.
     */
    public Path writeEPrescription(Path target) throws IOException {
        Path guide = corpus.resolve("jp-eprescription");
        Path dependency = guide.resolve("packages_snapshot/jp-core.draft1#1.1.0-beta.tgz");
        Files.createDirectories(target.resolve("profiles"));
        Files.writeString(target.resolve("nexehrs.yaml"), """
                id: ePrescriptionData
                canonical: http://jpfhir.jp/fhir/ePrescriptionData
                version: 0.9.3
                fhirVersion: 4.0.1
                title:
                  ja: 処方情報 FHIR
                  en: JP ePrescriptionData
                status: draft
                publisher: JAMI
                license: not-open-source
                dependencies:
                  - id: jp-core.draft1
                    version: 1.1.0-beta
                    path: "%s"
                """.formatted(dependency.toAbsolutePath().toString().replace("\\", "/")));
        try (Stream<Path> files = Files.list(guide.resolve("fsh-generated/resources"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Files.copy(file, target.resolve("profiles").resolve(file.getFileName()));
            }
        }
        return target;
    }

    /**
     * JP Core 1.1.2 as its differential-only package has it ({@code expected/diff}): the differentials of 9 of its
     * profiles differ from those kept in the snapshot package, so a comparison with another generator run on this
     * package must start from the same ones.
     */
    public Path writeDiffPackage(Path target) throws IOException {
        return write(target, 1, corpus.resolve("jp-core-1.1.2/expected/diff/package"));
    }

    /** (b): the JP Core 1.1.2 package as a project (copies = 1), or (c): it repeated {@code copies} times. */
    public Path write(Path target, int copies) throws IOException {
        return write(target, copies, corpus.resolve("jp-core-1.1.2/expected/snapshot/package"));
    }

    private Path write(Path target, int copies, Path packageDir) throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("nexehrs.yaml"), """
                id: bench.jpcore.x%d
                canonical: %s
                version: 1.0.0
                fhirVersion: 4.0.1
                title:
                  ja: ベンチマーク用 JP Core ×%d
                  en: JP Core benchmark x%d
                status: draft
                publisher: benchmark
                license: CC0-1.0
                """.formatted(copies, JP_CORE_CANONICAL, copies, copies));
        List<Path> resources;
        try (Stream<Path> files = Files.list(packageDir)) {
            resources = files.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("package")
                    && !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        for (int copy = 0; copy < copies; copy++) {
            String prefix = copies == 1 ? "" : "c" + copy + "-";
            for (Path resource : resources) {
                ObjectNode node = (ObjectNode) json.readTree(resource.toFile());
                String type = node.path("resourceType").asText();
                if (CONFORMANCE.contains(type)) {
                    writeResource(target.resolve("profiles/" + type.toLowerCase() + "s"), renamed(node, prefix, copies), prefix);
                } else if (!NOT_EXAMPLES.contains(type)) {
                    writeResource(target.resolve("profiles/examples"), renamed(node, prefix, copies), prefix);
                }
            }
            writePages(target.resolve("spec"), prefix);
        }
        return target;
    }

    private ObjectNode renamed(ObjectNode node, String prefix, int copies) {
        if (prefix.isEmpty()) return node;
        // Every copy gets its own canonical URLs: the copies are separate artifacts, not duplicates.
        String text = node.toString().replace(JP_CORE_CANONICAL + "/", JP_CORE_CANONICAL + "/" + prefix);
        try {
            ObjectNode copy = (ObjectNode) json.readTree(text);
            if (copy.has("id")) copy.put("id", prefix + copy.get("id").asText());
            if (copy.has("name") && copy.get("name").isTextual() && NOT_EXAMPLES.contains(copy.path("resourceType").asText())) {
                copy.put("name", prefix.replace("-", "_") + copy.get("name").asText());
            }
            return copy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeResource(Path folder, JsonNode node, String prefix) throws IOException {
        Files.createDirectories(folder);
        String name = node.path("resourceType").asText() + "-" + node.path("id").asText() + ".json";
        Files.writeString(folder.resolve(name), json.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    }

    /** JP Core 1.2.0's Markdown pages, turned into AsciiDoc just enough to be converted (headings, lists, text). */
    private void writePages(Path spec, String prefix) throws IOException {
        Files.createDirectories(spec);
        List<Path> pages;
        try (Stream<Path> files = Files.list(corpus.resolve("jp-core/input/pagecontent"))) {
            pages = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        for (Path page : pages) {
            String name = page.getFileName().toString().replace(".md", "");
            StringBuilder adoc = new StringBuilder("= ").append(name).append("\n:nexehrs-status: draft\n\n");
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                String text = line.replace("{", "\\{");
                if (text.matches("^#{1,5} .*")) {
                    int level = text.indexOf(' ');
                    adoc.append("=".repeat(Math.min(level + 1, 6))).append(text.substring(level)).append('\n');
                } else if (text.startsWith("---")) {
                    adoc.append('\n');
                } else {
                    adoc.append(text).append('\n');
                }
            }
            Files.writeString(spec.resolve(prefix + name + ".adoc"), adoc.toString());
        }
    }
}
