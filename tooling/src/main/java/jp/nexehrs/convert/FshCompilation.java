package jp.nexehrs.convert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.fhir.PackageSeeder;
import jp.nexehrs.fsh.FshDeclaration;
import jp.nexehrs.fsh.FshDeclarations;
import jp.nexehrs.fsh.FshFolders;
import jp.nexehrs.fsh.FshOrigins;
import jp.nexehrs.fsh.Sushi;
import jp.nexehrs.fsh.SushiMessage;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.MissingPackage;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.node.NodeUnavailableException;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.Plural;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The convert stage's first step: a project with FSH sources has them compiled by SUSHI, and what SUSHI makes joins
 * the project exactly as files of {@code profiles/} do (read by the load stage's reader: same roles, the version
 * stamped). SUSHI's messages become findings on the {@code .fsh} lines, and {@link FshOrigins} moves later findings on
 * the generated resources there too. A compilation is remembered in the build cache by everything it depends on
 * (the sources, the SUSHI configuration, the dependency packages, the toolchain with its SUSHI pin): unchanged FSH is
 * not compiled again.
 */
final class FshCompilation {
    /** Messages SUSHI gives about choices nexehrs makes for it, not about the guide. */
    private static final List<Pattern> NOT_THE_GUIDES = List.of(
            Pattern.compile("^Failed to load automatically-provided "),
            Pattern.compile("^The FSHOnly property is set to true"));
    /** A JavaScript failure inside SUSHI, whose text means nothing to an editor. */
    private static final Pattern SUSHIS_OWN_FAILURE = Pattern.compile(
            "Cannot read propert|is not a function|is not defined|of undefined|of null|Maximum call stack");
    /** SUSHI's words for a name it could not resolve, which a missing dependency explains. */
    private static final Pattern UNRESOLVED_NAME = Pattern.compile(
            "^(Resolved value \"([^\"]+)\" is not a valid URI|Cannot resolve|Could not find|Cannot find|Failed to resolve)");
    /**
     * SUSHI's words for a rule on an extension it has no definition of (HL7's extensions package, say): the rule cannot
     * be applied, and a missing dependency explains it. Group 1 or 2 names the extension.
     */
    private static final Pattern MISSING_EXTENSION = Pattern.compile(
            "unable to locate extension definition for: (\\S+?)\\.?$|(?:does not exist:?|No element found at path) \\S*?extension\\[([^\\]]+)\\]");
    /** SUSHI's name for a file it writes: {@code <Type>-<id>.json}. */
    private static final Pattern GENERATED_NAME = Pattern.compile("([A-Z][A-Za-z]+)-(.+)\\.json");
    /** The message id of a SUSHI error a missing dependency explains, followed by the name it could not find. */
    private static final String MISSING_DEPENDENCY_ID = "sushi-missing-dependency:";

    private final ProjectLoader reader;
    private final Sushi sushi;
    private final BuildCache cache;
    private final Consumer<String> progress;

    FshCompilation(ProjectLoader reader, Sushi sushi, BuildCache cache, Consumer<String> progress) {
        this.reader = reader;
        this.sushi = sushi;
        this.cache = cache;
        this.progress = progress;
    }

    /**
     * @param project        what the load stage read
     * @param sushiMillis    how long SUSHI ran (0 when nothing was compiled)
     */
    record Result(Project project, List<Finding> findings, FshOrigins origins, long sushiMillis) {
    }

    /**
     * @throws NodeUnavailableException when the project has FSH sources and Node (or SUSHI) cannot run
     * @throws SourceException          when the guide's sushi-config.yaml is not YAML
     */
    Result compile(Project project, String dependencyDigest) throws NodeUnavailableException, SourceException {
        Optional<FshFolders> found = FshFolders.find(project.root());
        if (found.isEmpty()) return new Result(project, List.of(), FshOrigins.NONE, 0);
        FshFolders folders = found.get();
        String sourcesName = folders.displayName(folders.sources());
        List<FshDeclarations.Source> texts = new ArrayList<>();
        CacheKey key = cache.key(CacheStage.FSH).add(dependencyDigest);
        String config = sushiConfig(folders, project);
        key.add(config);
        for (Path file : folders.files()) {
            byte[] bytes = readBytes(file, folders.displayName(file));
            key.add(folders.displayName(file)).add(bytes);
            texts.add(new FshDeclarations.Source(folders.displayName(file), new String(bytes, StandardCharsets.UTF_8)));
        }
        FshDeclarations declarations = FshDeclarations.of(texts);
        String entry = key.hex();

        long millis = 0;
        Optional<Sushi.Compiled> remembered = cache.readJson(CacheStage.FSH, entry, Sushi.Compiled.class);
        Sushi.Compiled compiled;
        if (remembered.isPresent()) {
            compiled = remembered.get();
        } else {
            progress.accept("compiling " + Plural.of(folders.files().size(), "FSH file") + " in " + sourcesName + " with SUSHI"
                    + " (a large guide takes a minute)");
            long start = System.nanoTime();
            compiled = sushi.compile(config, sources(folders), dependencies(project.dependencies()),
                    "This project has FSH sources (" + sourcesName + "/), which SUSHI compiles");
            millis = (System.nanoTime() - start) / 1_000_000;
            progress.accept("SUSHI made " + Plural.of(compiled.files().size(), "resource") + " in " + (millis + 500) / 1000 + " s");
            cache.writeJson(CacheStage.FSH, entry, compiled);
        }

        List<Finding> findings = new ArrayList<>();
        if (compiled.exitCode() != 0 && compiled.messages().stream().noneMatch(SushiMessage::error)) {
            findings.add(Finding.error(sourcesName, 0, 0, "SUSHI ended with exit code " + compiled.exitCode()
                    + " without saying what went wrong, and made " + Plural.of(compiled.files().size(), "resource")
                    + ": run `sushi build` on these sources to see its own output"));
        }
        List<Finding> sushiFindings = new ArrayList<>();
        for (SushiMessage message : compiled.messages()) {
            if (NOT_THE_GUIDES.stream().noneMatch(p -> p.matcher(message.message()).find())) {
                sushiFindings.add(finding(message, sourcesName, folders, project.missingDependencies()));
            }
        }
        findings.addAll(oncePerFileAndName(sushiFindings));
        List<FhirSource> generated = new ArrayList<>();
        Map<String, FshDeclaration> origins = new HashMap<>();
        String generatedFolder = FshFolders.GENERATED + "/resources/";
        for (Sushi.GeneratedFile file : compiled.files()) {
            String name = generatedFolder + file.name();
            try {
                ProjectLoader.Read read = reader.readProjectFile(name, file.json().getBytes(StandardCharsets.UTF_8), project.config());
                generated.add(read.source());
                findings.addAll(read.problems());
                declarations.of(read.source().resourceType(), read.source().id()).ifPresent(origin -> origins.put(name, origin));
            } catch (SourceException e) {
                // Unreadable as R4: the finding still points at the FSH declaration, found by SUSHI's name for the file.
                Matcher named = GENERATED_NAME.matcher(file.name());
                if (named.matches()) declarations.of(named.group(1), named.group(2)).ifPresent(origin -> origins.put(name, origin));
                findings.add(e.toFinding());
            }
        }
        return new Result(project.withGenerated(generated), findings, new FshOrigins(origins), millis);
    }

    private static List<Sushi.Source> sources(FshFolders folders) {
        return folders.files().stream()
                .map(file -> new Sushi.Source(file, folders.sources().relativize(file).toString().replace('\\', '/'))).toList();
    }

    private static List<PackageSeeder.Content> dependencies(List<LoadedPackage> loaded) {
        return loaded.stream().map(p -> new PackageSeeder.Content(p.id(), p.version(), p.conformance())).toList();
    }

    /**
     * A SUSHI message as a finding on the project's own file: {@code input/fsh/...} of the compiled copy is the
     * project's FSH folder, and the configuration is the guide's sushi-config.yaml or, when nexehrs wrote it, nexehrs.yaml.
     */
    static Finding finding(SushiMessage message, String sourcesName, FshFolders folders, List<MissingPackage> missing) {
        String file = projectFile(message.file(), sourcesName, folders);
        int line = file.equals(ProjectLoader.CONFIG_FILE) ? 0 : message.line();
        String said = SUSHIS_OWN_FAILURE.matcher(message.message()).find()
                ? "SUSHI failed inside itself on this part (most often after a syntax error near it)"
                : message.message().replace("\n", " ");
        StringBuilder text = new StringBuilder("SUSHI: ").append(said);
        if (!message.appliedFile().isEmpty()) {
            text.append(" (in a rule set inserted at ").append(projectFile(message.appliedFile(), sourcesName, folders));
            if (message.appliedLine() > 0) text.append(':').append(message.appliedLine());
            text.append(')');
        }
        String missingLabels = missing.stream().map(MissingPackage::label).collect(Collectors.joining(", "));
        if (message.error() && !missing.isEmpty() && UNRESOLVED_NAME.matcher(message.message()).find()) {
            text.append(" — probably a name from ").append(missingLabels).append(", which is not on this machine: not checked");
            return Finding.warning(file, line, 0, text.toString());
        }
        Matcher extension = MISSING_EXTENSION.matcher(message.message());
        if (message.error() && !missing.isEmpty() && extension.find()) {
            String name = extension.group(1) != null ? extension.group(1) : extension.group(2);
            text.append(" — the extension ").append(name).append(" is probably defined in ").append(missingLabels)
                    .append(", which is not on this machine: not checked");
            return new Finding(Severity.WARNING, file, line, 0, "", MISSING_DEPENDENCY_ID + name, text.toString());
        }
        return message.error() ? Finding.error(file, line, 0, text.toString()) : Finding.warning(file, line, 0, text.toString());
    }

    /**
     * One warning per file and missing extension: a guide that puts an extension from a missing package on every
     * element (HL7's obligations) would otherwise get a warning per rule, hundreds per file. The first rule's line is
     * kept, and the others' lines are listed.
     */
    static List<Finding> oncePerFileAndName(List<Finding> findings) {
        Map<String, List<Finding>> grouped = new LinkedHashMap<>();
        List<Finding> result = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.messageId().startsWith(MISSING_DEPENDENCY_ID)) {
                result.add(finding);
                continue;
            }
            List<Finding> group = grouped.computeIfAbsent(finding.file() + "\n" + finding.messageId(), k -> new ArrayList<>());
            if (group.isEmpty()) result.add(finding); // its place in the order; replaced below when it has company
            group.add(finding);
        }
        for (List<Finding> group : grouped.values()) {
            if (group.size() == 1) continue;
            Finding first = group.get(0);
            List<Integer> otherLines = group.stream().skip(1).map(Finding::line).distinct().sorted().toList();
            String lines = otherLines.stream().limit(20).map(String::valueOf).collect(Collectors.joining(", "))
                    + (otherLines.size() > 20 ? ", …" : "");
            Finding merged = new Finding(first.severity(), first.file(), first.line(), first.column(), first.fhirPath(), first.messageId(),
                    first.message() + " (and " + Plural.of(group.size() - 1, "more rule") + " on this extension in this file, lines " + lines + ")");
            result.set(result.indexOf(first), merged);
        }
        return result;
    }

    private static String projectFile(String compiledName, String sourcesName, FshFolders folders) {
        if (compiledName.startsWith(Sushi.SOURCES + "/")) return sourcesName + compiledName.substring(Sushi.SOURCES.length());
        if (compiledName.equals(FshFolders.SUSHI_CONFIG)) {
            return folders.sushiConfig().isPresent() ? FshFolders.SUSHI_CONFIG : ProjectLoader.CONFIG_FILE;
        }
        return compiledName;
    }

    /**
     * The configuration SUSHI compiles with: the guide's own sushi-config.yaml where it has one, else one written from
     * nexehrs.yaml. Either way {@code FSHOnly} (nexehrs, not SUSHI, makes the guide around the resources), and the
     * dependencies the load stage found on this machine (a missing one would send SUSHI to the network).
     */
    static String sushiConfig(FshFolders folders, Project project) throws SourceException {
        Map<String, Object> config = folders.sushiConfig().isPresent() ? readYaml(folders.sushiConfig().get()) : fromProject(project.config());
        config.put("FSHOnly", true);
        config.remove("dependencies");
        if (!project.dependencies().isEmpty()) {
            Map<String, Object> dependencies = new LinkedHashMap<>();
            project.dependencies().forEach(p -> dependencies.put(p.id(), p.version()));
            config.put("dependencies", dependencies);
        }
        try {
            return new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)).writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a SUSHI configuration of plain values always writes", e);
        }
    }

    private static Map<String, Object> fromProject(ProjectConfig project) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("id", project.id());
        config.put("canonical", project.canonical());
        config.put("version", project.version());
        config.put("fhirVersion", project.fhirVersion());
        config.put("name", nameOf(project.title().en(), project.id()));
        config.put("title", project.title().ja());
        config.put("status", project.status());
        config.put("publisher", Map.of("name", project.publisher()));
        return config;
    }

    /** A computer-friendly name (SUSHI's {@code name}): the English title's words run together. */
    private static String nameOf(String englishTitle, String id) {
        StringBuilder name = new StringBuilder();
        for (String word : englishTitle.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) return id.replaceAll("[^A-Za-z0-9]", "");
        return name.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path file) throws SourceException {
        try {
            Object read = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (read instanceof Map<?, ?> map) return new LinkedHashMap<>((Map<String, Object>) map);
            throw new SourceException(FshFolders.SUSHI_CONFIG, 0, 0, "not a SUSHI configuration: it holds no keys such as id and canonical", null);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(FshFolders.SUSHI_CONFIG, line, 0, "not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SourceException(FshFolders.SUSHI_CONFIG, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static byte[] readBytes(Path file, String displayName) throws SourceException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
