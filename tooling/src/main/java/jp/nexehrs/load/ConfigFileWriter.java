package jp.nexehrs.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.report.SourceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a project's configuration as {@code nexehrs.yaml}: for {@code nexehrs init --from}, which moves a guide in the
 * IG Publisher's layout over fully. The file says what the guide's sushi-config.yaml says, in nexehrs.yaml's keys, and
 * reads back into the same {@link ProjectConfig}; defaults and empty values are left out.
 */
public final class ConfigFileWriter {
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /**
     * Reads the configuration of the guide in {@code folder} and writes the equivalent nexehrs.yaml beside it.
     *
     * @return the file written
     * @throws InitRefusedException when the folder already has a nexehrs.yaml, has no sushi-config.yaml, or cannot be written
     * @throws SourceException       when its sushi-config.yaml has errors
     */
    public Path writeFrom(Path folder) throws SourceException, InitRefusedException {
        Path target = folder.resolve(ProjectLoader.CONFIG_FILE);
        if (Files.exists(target)) {
            throw new InitRefusedException(target + " exists already: the guide is a nexehrs project; remove the file first to write it"
                    + " anew from " + IgPublisherConfig.FILE, null);
        }
        if (!IgPublisherConfig.isGuide(folder)) {
            throw new InitRefusedException("no " + IgPublisherConfig.FILE + " in " + folder.toAbsolutePath().normalize()
                    + ": pass the folder of a guide in the IG Publisher's layout, the one holding its " + IgPublisherConfig.FILE, null);
        }
        String text = "# Written by nexehrs init from " + IgPublisherConfig.FILE + ", which SUSHI goes on reading for the FSH.\n"
                + text(ProjectLoader.readConfig(folder));
        try {
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new InitRefusedException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** {@code config} as nexehrs.yaml's text. */
    public String text(ProjectConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", config.id());
        out.put("canonical", config.canonical());
        out.put("version", config.version());
        out.put("fhirVersion", config.fhirVersion());
        out.put("title", Map.of("ja", config.title().ja(), "en", config.title().en()));
        out.put("status", config.status());
        out.put("publisher", config.publisher());
        out.put("license", config.license());
        putIfAny(out, "description", config.description());
        putIfAny(out, "repository", config.repository());
        out.put("layout", config.layout() == ProjectConfig.Layout.IG_PUBLISHER ? "ig-publisher" : "nexehrs");
        if (!config.dependencies().isEmpty()) {
            out.put("dependencies", config.dependencies().stream().map(d -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("id", d.id());
                entry.put("version", d.version());
                putIfAny(entry, "path", d.path());
                return entry;
            }).toList());
        }
        if (!config.canonicals().isEmpty()) out.put("canonicals", config.canonicals());
        if (!config.pages().isEmpty()) out.put("pages", pages(config.pages()));
        if (!config.menu().isEmpty()) out.put("menu", menu(config.menu()));
        try {
            return yaml.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration could not be written as YAML", e);
        }
    }

    private static List<Map<String, Object>> pages(List<ProjectConfig.Page> pages) {
        return pages.stream().map(page -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", page.file());
            putIfAny(entry, "title", page.title());
            if (!page.pages().isEmpty()) entry.put("pages", pages(page.pages()));
            return entry;
        }).toList();
    }

    private static List<Map<String, Object>> menu(List<ProjectConfig.MenuItem> items) {
        return items.stream().map(item -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("title", item.title());
            putIfAny(entry, "page", item.page());
            if (!item.items().isEmpty()) entry.put("items", menu(item.items()));
            return entry;
        }).toList();
    }

    private static void putIfAny(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isEmpty()) map.put(key, value);
    }
}
