package jp.nexehrs.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.TextPositions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide in the IG Publisher's layout without sushi-config.yaml: its {@code ig.ini} names the guide's ImplementationGuide
 * resource ({@code ig = input/my-ig.json}), and that resource says what the configuration needs: {@code packageId},
 * {@code url} (the canonical is what comes before {@code /ImplementationGuide/}), {@code version}, {@code fhirVersion},
 * {@code name}, {@code title}, {@code status}, {@code publisher}, {@code license}, {@code description}, {@code dependsOn}
 * and the pages of {@code definition.page} (whose {@code nameUrl} {@code x.html} is the page {@code x.md}). Read as JSON
 * text: the resource is read as FHIR again, like every resource of the guide, when it lies in a folder of resources.
 */
final class IgIniConfig {
    static final String FILE = "ig.ini";
    private static final Pattern IG_KEY = Pattern.compile("(?m)^\\s*ig\\s*=\\s*(\\S.*?)\\s*$");

    /** Whether {@code folder} has an ig.ini (and so, without sushi-config.yaml, is a guide configured by its ImplementationGuide). */
    static boolean isGuide(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    ProjectConfig read(Path root) throws SourceException {
        String ini = text(root.resolve(FILE), FILE);
        Matcher ig = IG_KEY.matcher(ini);
        if (!ig.find()) throw new SourceException(FILE, 1, 0, "ig.ini names no ImplementationGuide: write 'ig = input/<file>.json' under [IG]");
        String named = ig.group(1).replace('\\', '/');
        int line = TextPositions.lineAt(ini, ig.start());
        Path file = root.resolve(named).normalize();
        // As every source is read: never through a link that leads outside the project (see SymlinkGuard).
        if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file) || !SymlinkGuard.staysInside(root, file)) {
            throw new SourceException(FILE, line, 0, "ig.ini names " + named + ", which is not there"
                    + (named.startsWith("fsh-generated/") ? " (SUSHI writes it; give the guide a sushi-config.yaml)" : ""));
        }
        if (!named.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            throw new SourceException(FILE, line, 0, "ig.ini names " + named + ": only an ImplementationGuide in JSON can configure the guide;"
                    + " give the guide a sushi-config.yaml instead");
        }
        JsonNode guide;
        try {
            guide = new ObjectMapper().readTree(text(file, named));
        } catch (JsonProcessingException e) {
            throw new SourceException(named, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0, "not valid JSON: check the brackets,"
                    + " commas and quotes", e);
        }
        if (!"ImplementationGuide".equals(guide.path("resourceType").asText())) {
            throw new SourceException(named, 1, 0, "ig.ini names this file, which holds no ImplementationGuide");
        }
        String url = guide.path("url").asText("");
        int at = url.indexOf("/ImplementationGuide/");
        String id = required(guide, "packageId", named);
        String title = guide.path("title").asText(guide.path("name").asText(id));
        List<ProjectConfig.Dependency> dependencies = new ArrayList<>();
        for (JsonNode dependsOn : guide.path("dependsOn")) {
            if (dependsOn.hasNonNull("packageId") && dependsOn.hasNonNull("version")) {
                dependencies.add(new ProjectConfig.Dependency(dependsOn.get("packageId").asText(), dependsOn.get("version").asText(), null));
            }
        }
        return new ProjectConfig(id, at > 0 ? url.substring(0, at) : required(guide, "url", named), required(guide, "version", named),
                guide.path("fhirVersion").path(0).asText(""), new ProjectConfig.Title(title, title), guide.path("status").asText("draft"),
                guide.path("publisher").asText(""), guide.path("license").asText(""), guide.path("description").asText(""), "",
                dependencies, List.of(), false, List.of(), null, null, ProjectConfig.Layout.IG_PUBLISHER,
                pages(guide.path("definition").path("page").path("page")), List.of(), null, null, null, null, null);
    }

    /** The pages under the root page (the root is the guide's table of contents, which the IG Publisher makes itself). */
    private static List<ProjectConfig.Page> pages(JsonNode pages) {
        List<ProjectConfig.Page> out = new ArrayList<>();
        for (JsonNode page : pages) {
            String nameUrl = Optional.ofNullable(page.get("nameUrl")).map(JsonNode::asText).orElse("");
            if (nameUrl.isEmpty()) continue;
            String file = nameUrl.endsWith(".html") ? nameUrl.substring(0, nameUrl.length() - ".html".length()) + ".md" : nameUrl;
            out.add(new ProjectConfig.Page(file, page.path("title").asText(""), pages(page.path("page"))));
        }
        return out;
    }

    private static String required(JsonNode guide, String key, String file) throws SourceException {
        String value = guide.path(key).asText("");
        if (value.isEmpty()) throw new SourceException(file, 1, 0, "the ImplementationGuide has no " + key + ": ig.ini's guide must give it");
        return value;
    }

    private static String text(Path file, String name) throws SourceException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceException(name, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }
}
