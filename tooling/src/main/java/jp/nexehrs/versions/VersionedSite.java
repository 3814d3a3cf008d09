package jp.nexehrs.versions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jp.nexehrs.changelog.ChangeKind;
import jp.nexehrs.changelog.ChangeLog;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.history.Version;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.ProjectConfig;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The site of all versions: {@code /<version>/} for each release and {@code /current/} for the draft, copied
 * from their builds with a version switcher added to every page (static links, made here, so that old releases
 * link to versions that came after them without being rebuilt: "this page in another version" when the page
 * exists there, else that version's home); a root {@code index.html} that leads to the latest release; {@code
 * history.html}; a change-log page per version under {@code changes/}; and {@code package-list.json} in the FHIR
 * IG package-list format.
 */
public final class VersionedSite {
    public static final String HISTORY_PAGE = "history.html";
    public static final String PACKAGE_LIST = "package-list.json";
    private static final Pattern BODY = Pattern.compile("<body[^>]*>");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Configuration freemarker = freemarker();

    /**
     * @param versions   releases oldest first, then current
     * @param changeLogs by version name: the changes from the version before it
     * @param config     the draft's project settings (package id, canonical, title)
     * @param storage    where the combined site's bytes are kept until they are published (a spool, for a build)
     */
    public SiteFiles assemble(List<BuiltVersion> versions, Map<String, ChangeLog> changeLogs, ProjectConfig config, SiteFiles.Storage storage) {
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        for (BuiltVersion version : versions) pages.put(version.version().name(), files(version.site()));
        SiteFiles.Builder files = storage.start();
        try {
            addAll(versions, changeLogs, config, pages, files);
            return files.build();
        } catch (RuntimeException e) {
            files.build().discard();
            throw e;
        }
    }

    private void addAll(List<BuiltVersion> versions, Map<String, ChangeLog> changeLogs, ProjectConfig config,
                        Map<String, Set<String>> pages, SiteFiles.Builder files) {
        for (BuiltVersion version : versions) {
            String name = version.version().name();
            for (String path : pages.get(name)) {
                byte[] bytes = read(version.site().resolve(path));
                if (path.endsWith(".html")) bytes = withSwitcher(bytes, name, path, versions, pages, changeLogs.containsKey(name));
                files.add(new SiteFile(name + "/" + path, bytes));
            }
        }
        String latest = latestRelease(versions).map(v -> v.version().name()).orElse(Version.CURRENT);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("config", config);
        model.put("latest", latest);
        model.put("versions", newestFirst(versions).stream().map(v -> row(v, changeLogs.containsKey(v.version().name()))).toList());
        model.put("kinds", List.of(ChangeKind.values()));
        files.add(render("index.ftlh", PagePaths.HOME, model));
        files.add(render("history.ftlh", HISTORY_PAGE, model));
        for (Map.Entry<String, ChangeLog> log : changeLogs.entrySet()) {
            Map<String, Object> page = new LinkedHashMap<>(model);
            page.put("log", log.getValue());
            page.put("version", log.getKey());
            files.add(render("changes.ftlh", "changes/" + log.getKey() + ".html", page));
        }
        files.add(new SiteFile(PACKAGE_LIST, packageList(versions, config, latest)));
    }

    /** The newest release that is not a pre-release, else the newest pre-release. */
    static Optional<BuiltVersion> latestRelease(List<BuiltVersion> versions) {
        List<BuiltVersion> releases = versions.stream().filter(v -> !v.version().isCurrent()).toList();
        return releases.stream().filter(v -> !v.version().semver().isPreRelease()).reduce((a, b) -> b)
                .or(() -> releases.stream().reduce((a, b) -> b));
    }

    private static Map<String, Object> row(BuiltVersion built, boolean hasChangeLog) {
        Version v = built.version();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", v.name());
        row.put("tag", v.tag());
        row.put("date", v.date().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        row.put("status", v.status());
        row.put("commit", v.shortCommit());
        row.put("notes", v.releaseNotes());
        row.put("packageFile", built.packageFile());
        row.put("hasChangeLog", hasChangeLog);
        return row;
    }

    /** The switcher, as static links from this page to the same page in every other version. */
    private byte[] withSwitcher(byte[] html, String name, String path, List<BuiltVersion> versions,
                                Map<String, Set<String>> pages, boolean hasChangeLog) {
        String text = new String(html, StandardCharsets.UTF_8);
        Matcher body = BODY.matcher(text);
        if (!body.find()) return html;
        String toRoot = "../".repeat((int) path.chars().filter(c -> c == '/').count() + 1);
        StringBuilder nav = new StringBuilder("\n<nav class=\"version-switcher\" aria-label=\"版の切り替え\" style=\"padding:.3em 1em;"
                + "background:#f3f4f6;border-bottom:1px solid #d1d5db;font-size:.9em\">版:");
        for (BuiltVersion other : newestFirst(versions)) {
            String otherName = other.version().name();
            if (otherName.equals(name)) {
                nav.append(" <strong aria-current=\"true\">").append(otherName).append("</strong>");
            } else if (pages.get(otherName).contains(path)) {
                nav.append(" <a href=\"").append(toRoot).append(otherName).append('/').append(path).append("\">").append(otherName).append("</a>");
            } else {
                nav.append(" <a class=\"version-missing\" title=\"この版にはこのページがありません\" href=\"").append(toRoot)
                        .append(otherName).append("/index.html\">").append(otherName).append("*</a>");
            }
        }
        nav.append(" · <a href=\"").append(toRoot).append(HISTORY_PAGE).append("\">版の履歴</a>");
        if (hasChangeLog) nav.append(" · <a href=\"").append(toRoot).append("changes/").append(name).append(".html\">この版の変更点</a>");
        nav.append("</nav>");
        return (text.substring(0, body.end()) + nav + text.substring(body.end())).getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new ArrayList<>(oldestFirst);
        Collections.reverse(copy);
        return copy;
    }

    private static byte[] packageList(List<BuiltVersion> versions, ProjectConfig config, String latest) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("package-id", config.id());
        list.put("title", config.title().en());
        list.put("canonical", config.canonical());
        list.put("introduction", config.description());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (BuiltVersion built : newestFirst(versions)) {
            Version v = built.version();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", v.name());
            entry.put("desc", v.isCurrent() ? "Continuous Integration Build (latest in version control)"
                    : v.releaseNotes().isEmpty() ? "Release " + v.name() : v.releaseNotes().lines().findFirst().orElse(""));
            entry.put("path", config.canonical() + "/" + v.name() + "/");
            entry.put("status", v.status());
            entry.put("date", v.date().atOffset(ZoneOffset.UTC).toLocalDate().toString());
            entry.put("fhirversion", config.fhirVersion());
            if (v.isCurrent() || v.name().equals(latest)) entry.put("current", true);
            entries.add(entry);
        }
        list.put("list", entries);
        try {
            return JSON.writeValueAsBytes(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SiteFile render(String template, String path, Map<String, Object> model) {
        Map<String, Object> page = new LinkedHashMap<>(model);
        page.put("root", "../".repeat((int) path.chars().filter(c -> c == '/').count()));
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(template).process(page, out);
            return new SiteFile(path, out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("the built-in template " + template + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }

    private static Set<String> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            Set<String> files = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString().replace('\\', '/')));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the built site " + dir, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Configuration freemarker() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(VersionedSite.class, "/jp/nexehrs/versions"));
        configuration.setDefaultEncoding("UTF-8");
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        return configuration;
    }
}
