package jp.nexehrs.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What HTML from contributors may reach a page: the markup Asciidoctor and FHIR narratives use, and nothing
 * that runs. {@link #dangers} names what would run, so the build can refuse it with a clear message;
 * {@link #clean} removes it anyway, so nothing slips through a check that missed it.
 */
public final class HtmlPolicy {
    private static final Set<String> ACTIVE_ELEMENTS = Set.of("script", "iframe", "object", "embed", "frame", "frameset",
            "form", "input", "button", "textarea", "select", "style", "link", "meta", "base", "svg", "math", "template");
    private static final String BASE = "https://site.invalid/";

    private final Safelist safelist = Safelist.relaxed()
            .addTags("hr", "mark", "kbd", "s", "del", "details", "summary", "abbr", "time", "figure", "figcaption")
            .addAttributes(":all", "class", "id", "lang", "title", "role")
            .addAttributes("code", "data-lang")
            .addAttributes("col", "style")
            .addAttributes("ol", "type", "start", "reversed")
            .addAttributes("td", "colspan", "rowspan")
            .addAttributes("th", "colspan", "rowspan", "scope")
            // element trees (fhir-table::): the expand/collapse script reads these; they carry no behaviour
            .addAttributes("table", "data-view")
            .addAttributes("tr", "data-element", "data-parent", "data-depth", "data-has-children")
            .addAttributes("a", "target", "rel")
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addProtocols("img", "src", "http", "https")
            .preserveRelativeLinks(true);

    /** The HTML with everything outside the policy removed; relative links and anchors are kept. */
    public String clean(String html) {
        Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, BASE, safelist, output);
    }

    /** Human descriptions of what in {@code html} would run in a reader's browser; empty when nothing would. */
    public List<String> dangers(String html) {
        List<String> found = new ArrayList<>();
        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            String tag = element.normalName();
            if (ACTIVE_ELEMENTS.contains(tag)) found.add("<" + tag + "> element");
            for (Attribute attribute : element.attributes()) {
                String key = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                if (key.startsWith("on")) found.add(key + "= event handler on <" + tag + ">");
                if ((key.equals("href") || key.equals("src") || key.equals("action") || key.equals("formaction") || key.equals("xlink:href"))
                        && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html"))) {
                    found.add(value.substring(0, value.indexOf(':') + 1) + " URL in " + key + " of <" + tag + ">");
                }
            }
        }
        return found.stream().distinct().toList();
    }
}
