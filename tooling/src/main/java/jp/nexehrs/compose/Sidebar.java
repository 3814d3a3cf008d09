package jp.nexehrs.compose;

import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The sidebar every page shows, rendered from {@code sidebar.ftlh} once per folder depth (its links are relative)
 * and shared by all pages: a page only marks its own link as current and opens its own group, two string
 * replacements on the shared HTML, so the cost of composing a site does not grow with pages times artifacts.
 */
final class Sidebar {
    private final Function<String, String> renderForRoot;
    private final Map<String, String> renderedByRoot = new ConcurrentHashMap<>();
    private final Map<String, String> groupIdsByPage;

    /** @param renderForRoot renders the sidebar's HTML for pages whose way back to the site root is the given prefix */
    Sidebar(Navigation navigation, Function<String, String> renderForRoot) {
        this.renderForRoot = renderForRoot;
        this.groupIdsByPage = navigation.groupIdsByPage();
    }

    /** No sidebar (a project's own template without {@code sidebar.ftlh}). */
    static Sidebar none() {
        return new Sidebar(new Navigation(List.of(), List.of(), Map.of()), root -> "");
    }

    String forPage(String pagePath, String root) {
        String html = renderedByRoot.computeIfAbsent(root, renderForRoot);
        if (html.isEmpty()) return html;
        String link = "href=\"" + root + pagePath + "\"";
        html = html.replace(link, link + " aria-current=\"page\"");
        html = html.replace("<details data-nav=\"" + pagePath + "\">", "<details data-nav=\"" + pagePath + "\" open>");
        String group = groupIdsByPage.get(pagePath);
        if (group != null) html = html.replace("<details data-nav=\"group:" + group + "\">", "<details data-nav=\"group:" + group + "\" open>");
        return html;
    }
}
