package jp.nexehrs.load;

import com.fasterxml.jackson.databind.JsonNode;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.YamlPositions;
import jp.nexehrs.util.YamlReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A guide in the IG Publisher's layout, read from its {@code sushi-config.yaml} into the one configuration record
 * ({@link ProjectConfig}) with the layout {@link ProjectConfig.Layout#IG_PUBLISHER}. Only the keys the build uses are
 * read, as SUSHI documents them: {@code id}, {@code canonical}, {@code version}, {@code fhirVersion} (a value or a list),
 * {@code name}, {@code title}, {@code description}, {@code status}, {@code publisher} (a name, or an object or list of
 * objects with {@code name}), {@code license}, {@code dependencies} (package id to version, or to an object with
 * {@code version}), {@code pages} (file names nested as the table of contents, each with its {@code title}) and
 * {@code menu} (labels to pages, or to submenus). The file's many other keys are SUSHI's and the IG Publisher's, and
 * are left to them. A value of the wrong form is an error naming the file, the line and the key.
 */
public final class IgPublisherConfig {
    public static final String FILE = "sushi-config.yaml";
    /** Page keys under {@code pages:} that are settings of the page, not pages under it. */
    private static final List<String> PAGE_SETTINGS = List.of("title", "generation");

    private final YamlReader yaml = new YamlReader();

    /** @param file the project's sushi-config.yaml */
    public ProjectConfig read(Path file) throws SourceException {
        YamlReader.Located<JsonNode> read = yaml.readLocated(file, FILE, JsonNode.class);
        return new Reading(read.value(), read.positions()).config();
    }

    /** One reading of the file: its content and where each part of it is. */
    private record Reading(JsonNode root, YamlPositions positions) {
        ProjectConfig config() throws SourceException {
            if (!root.isObject()) throw error("", "the file must be a mapping of keys ('id: ...', 'canonical: ...')");
            String id = required("id");
            String title = optional("title");
            String name = optional("name");
            String shown = !title.isEmpty() ? title : !name.isEmpty() ? name : id;
            return new ProjectConfig(id, required("canonical"), required("version"), fhirVersion(),
                    new ProjectConfig.Title(shown, shown), optional("status").isEmpty() ? "draft" : optional("status"),
                    publisher(), optional("license"), optional("description"), "", dependencies(), List.of(), false, List.of(),
                    null, null, ProjectConfig.Layout.IG_PUBLISHER, pages(root.get("pages"), "/pages"), menu(root.get("menu"), "/menu"),
                    null, null, null, null, null);
        }

        private String required(String key) throws SourceException {
            String value = optional(key);
            if (value.isEmpty()) throw error("/" + key, "'" + key + "' is missing: " + FILE + " must give the guide's " + key);
            return value;
        }

        private String optional(String key) throws SourceException {
            JsonNode value = root.get(key);
            if (value == null || value.isNull()) return "";
            if (!value.isValueNode()) throw error("/" + key, "'" + key + "' must be a single value, not a list or mapping");
            return value.asText().trim();
        }

        /** SUSHI accepts one version or a list; this toolchain builds FHIR R4, which the config's check enforces. */
        private String fhirVersion() throws SourceException {
            JsonNode value = root.get("fhirVersion");
            if (value == null || value.isNull()) throw error("/fhirVersion", "'fhirVersion' is missing: write fhirVersion: 4.0.1");
            if (value.isArray()) {
                if (value.size() != 1) throw error("/fhirVersion", "'fhirVersion' lists " + value.size() + " versions: this toolchain builds one, 4.0.1");
                return value.get(0).asText().trim();
            }
            return optional("fhirVersion");
        }

        /** A name, an object with a name, or a list of them: the names, joined. */
        private String publisher() throws SourceException {
            JsonNode value = root.get("publisher");
            if (value == null || value.isNull()) return "";
            List<String> names = new ArrayList<>();
            List<JsonNode> entries = new ArrayList<>();
            if (value.isArray()) value.forEach(entries::add);
            else entries.add(value);
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                String pointer = "/publisher" + (value.isArray() ? "/" + i : "");
                if (entry.isValueNode()) names.add(entry.asText().trim());
                else if (entry.isObject() && entry.path("name").isValueNode()) names.add(entry.get("name").asText().trim());
                else throw error(pointer, "'publisher' must be a name, or have 'name:' under it");
            }
            return String.join(", ", names);
        }

        private List<ProjectConfig.Dependency> dependencies() throws SourceException {
            JsonNode value = root.get("dependencies");
            if (value == null || value.isNull()) return List.of();
            if (!value.isObject()) throw error("/dependencies", "'dependencies' must map each package id to its version");
            List<ProjectConfig.Dependency> dependencies = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode given = entry.getValue();
                String version = given == null || given.isNull() ? "" : given.isValueNode() ? given.asText().trim()
                        : given.path("version").isValueNode() ? given.get("version").asText().trim() : "";
                if (version.isEmpty()) {
                    throw error("/dependencies/" + entry.getKey(), "dependency " + entry.getKey()
                            + " has no version: write '" + entry.getKey() + ": 1.0.0' or give it 'version:'");
                }
                dependencies.add(new ProjectConfig.Dependency(entry.getKey(), version, null));
            }
            return dependencies;
        }

        /** {@code file.md: {title: ..., child.md: {...}}}, in the order written. */
        private List<ProjectConfig.Page> pages(JsonNode value, String pointer) throws SourceException {
            if (value == null || value.isNull()) return List.of();
            if (!value.isObject()) throw error(pointer, "'pages' must map page file names (such as index.md) to their settings");
            List<ProjectConfig.Page> pages = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (PAGE_SETTINGS.contains(entry.getKey())) continue;
                String here = pointer + "/" + escape(entry.getKey());
                JsonNode settings = entry.getValue();
                if (settings != null && !settings.isNull() && !settings.isObject()) {
                    throw error(here, "page " + entry.getKey() + " must be followed by its settings ('title: ...') indented under it");
                }
                String title = settings == null || !settings.path("title").isValueNode() ? "" : settings.get("title").asText().trim();
                pages.add(new ProjectConfig.Page(entry.getKey(), title, pages(settings, here)));
            }
            return pages;
        }

        /** {@code Label: page.html} or {@code Label: {Sub: page.html}}, in the order written. */
        private List<ProjectConfig.MenuItem> menu(JsonNode value, String pointer) throws SourceException {
            if (value == null || value.isNull()) return List.of();
            if (!value.isObject()) throw error(pointer, "'menu' must map each label to a page, or to a submenu");
            List<ProjectConfig.MenuItem> items = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                JsonNode target = entry.getValue();
                String here = pointer + "/" + escape(entry.getKey());
                if (target != null && target.isObject()) items.add(new ProjectConfig.MenuItem(entry.getKey(), "", menu(target, here)));
                else if (target != null && target.isValueNode() && !target.isNull()) {
                    items.add(new ProjectConfig.MenuItem(entry.getKey(), target.asText().trim(), List.of()));
                } else throw error(here, "menu entry '" + entry.getKey() + "' must name a page (such as index.html) or hold a submenu");
            }
            return items;
        }

        private SourceException error(String pointer, String message) {
            YamlPositions.Position at = positions.keyAt(pointer);
            return new SourceException(FILE, at.line(), at.column(), message);
        }
    }

    /** A key as a JSON Pointer token. */
    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Whether {@code folder} holds a guide in the IG Publisher's layout (and, then, which file configures it). */
    static boolean isGuide(Path folder) {
        return java.nio.file.Files.isRegularFile(folder.resolve(FILE));
    }
}
