package jp.nexehrs.convert;

import jp.nexehrs.html.HtmlPolicy;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.report.Finding;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Converts the pages of a guide in the IG Publisher's layout, Markdown (CommonMark with GitHub tables and strikethrough)
 * or XHTML (its {@code .xml} and {@code .html} pages: a {@code div} in the XHTML namespace), their Liquid resolved by
 * {@link IgLiquid}, to HTML body fragments shaped as the AsciiDoc ones are, so that the link
 * check, the heading checks, the search index and the navigation treat both alike: sections wrapped in
 * {@code div.sectN} with an id on each heading, the page's shallowest heading level shown as h2 (the IG Publisher's
 * pages start at {@code ###}, below its template's own headings), links to the IG Publisher's names of artifact pages
 * led to this site's ({@link PagePaths#ofIgPublisherName}), and raw HTML held to the site's allowlist ({@link HtmlPolicy}).
 * Stateless and thread-safe.
 */
final class IgPageConverter {
    /** The page's own title is its h1; the body's sections start below it. */
    private static final int FIRST_SECTION_LEVEL = 2;
    /** The IG Publisher's name of the guide's package on its site. */
    private static final String IG_PUBLISHER_PACKAGE = "package.tgz";

    private final List<Extension> extensions = List.of(TablesExtension.create(), StrikethroughExtension.create());
    private final Parser parser = Parser.builder().extensions(extensions).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(extensions).build();
    private final HtmlPolicy htmlPolicy = new HtmlPolicy();
    private final PagePaths pagePaths;
    private final ProjectConfig config;

    IgPageConverter(PagePaths pagePaths, ProjectConfig config) {
        this.pagePaths = pagePaths;
        this.config = config;
    }

    /**
     * A page: its title from the configuration, else its first level-1 heading, else, as SUSHI names a page the
     * configuration does not list, its file name with '-' and '_' as spaces.
     */
    DocumentConverter.Result convert(DocumentSource source, Set<String> documentPages) {
        return convert(source, documentPages, true);
    }

    /** An intro or notes fragment of an artifact page: no title of its own. */
    DocumentConverter.Result convertFragment(DocumentSource source, Set<String> documentPages) {
        return convert(source, documentPages, false);
    }

    /** The title and header only (no body is needed by the caller). */
    ConvertedDocument readHeader(DocumentSource source) {
        return convert(source, Set.of(), true).document();
    }

    private DocumentConverter.Result convert(DocumentSource source, Set<String> documentPages, boolean page) {
        List<Finding> findings = new ArrayList<>();
        IgLiquid.Result liquid = new IgLiquid(source.projectRoot(), config).resolve(source.file(), source.text());
        findings.addAll(liquid.findings());
        String raw = source.markup() == DocumentSource.Markup.XHTML ? liquid.text() : renderer.render(parser.parse(liquid.text()));
        List<String> dangers = htmlPolicy.dangers(raw);
        if (!dangers.isEmpty()) {
            findings.add(Finding.error(source.file(), DocumentConverter.lineOfDanger(source.text(), dangers), 0,
                    "HTML that would run in readers' browsers is not allowed (" + String.join(", ", dangers) + "): remove it from the page"));
        }
        Element body = Jsoup.parseBodyFragment(htmlPolicy.clean(raw)).body();
        if (source.markup() == DocumentSource.Markup.XHTML) unwrapXhtmlRoot(body);
        String title = source.title();
        Element firstHeading = body.selectFirst("h1");
        if (page && title.isEmpty()) {
            if (firstHeading != null && firstHeading == body.children().first()) {
                title = firstHeading.text();
                firstHeading.remove();
            } else {
                title = fileStem(source.file()).replace('-', ' ').replace('_', ' ');
            }
        }
        shiftHeadings(body);
        List<ConvertedDocument.Heading> headings = identifyHeadings(body);
        wrapSections(body);
        leadIgPublisherLinks(body, documentPages);
        ConvertedDocument.Header header = new ConvertedDocument.Header(page ? config.version() : "", page ? config.status() : "", "", "");
        ConvertedDocument converted = new ConvertedDocument(source, page ? title : "", body.html(), header, headings, List.of());
        return new DocumentConverter.Result(converted, List.copyOf(findings));
    }

    /**
     * An XHTML page is one {@code div} (the namespace's root) around its content: its headings and paragraphs become
     * the body's own, as a Markdown page's are, so that they are wrapped in sections alike.
     */
    private static void unwrapXhtmlRoot(Element body) {
        boolean onlyText = body.textNodes().stream().allMatch(TextNode::isBlank);
        if (onlyText && body.children().size() == 1 && body.child(0).normalName().equals("div") && body.child(0).attributes().size() == 0) {
            body.child(0).unwrap();
        }
    }

    /** The shallowest heading becomes h2, the rest keep their distance from it: a skipped level stays a skipped level. */
    private static void shiftHeadings(Element body) {
        int shallowest = body.select("h1, h2, h3, h4, h5, h6").stream().mapToInt(IgPageConverter::levelOf).min().orElse(FIRST_SECTION_LEVEL);
        int shift = Math.max(0, shallowest - FIRST_SECTION_LEVEL);
        if (shift == 0) return;
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) heading.tagName("h" + (levelOf(heading) - shift));
    }

    /**
     * An id on every heading, as Asciidoctor makes them for the AsciiDoc documents (lower case, words joined by '-',
     * Japanese kept), unless the page gave one; the headings in order, with Asciidoctor's levels (h2 is level 1).
     */
    private static List<ConvertedDocument.Heading> identifyHeadings(Element body) {
        Set<String> taken = new HashSet<>();
        body.select("[id]").forEach(e -> taken.add(e.id()));
        List<ConvertedDocument.Heading> headings = new ArrayList<>();
        for (Element heading : body.select("h2, h3, h4, h5, h6")) {
            if (heading.id().isEmpty()) {
                String base = idOf(heading.text());
                String id = base;
                for (int n = 2; id.isEmpty() || !taken.add(id); n++) id = (base.isEmpty() ? "section" : base) + "-" + n;
                heading.id(id);
            }
            headings.add(new ConvertedDocument.Heading(heading.id(), heading.text(), levelOf(heading) - 1));
        }
        return headings;
    }

    static String idOf(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").trim().replaceAll("[\\s-]+", "-");
    }

    /** {@code div.sect1} around each h2 and what follows it, {@code div.sect2} inside for h3, and so on, as Asciidoctor does. */
    private static void wrapSections(Element body) {
        List<Node> children = new ArrayList<>(body.childNodes());
        if (children.stream().noneMatch(n -> n instanceof Element e && e.normalName().matches("h[2-6]"))) return;
        children.forEach(Node::remove);
        Deque<Element> open = new ArrayDeque<>();
        Element preamble = null;
        for (Node child : children) {
            if (child instanceof Element element && element.normalName().matches("h[2-6]")) {
                int level = levelOf(element);
                while (!open.isEmpty() && levelOf(open.peek().child(0)) >= level) open.pop();
                Element section = new Element("div").addClass("sect" + (level - 1));
                (open.isEmpty() ? body : open.peek()).appendChild(section);
                section.appendChild(element);
                open.push(section);
            } else if (!open.isEmpty()) {
                open.peek().appendChild(child);
            } else {
                if (preamble == null) preamble = body.appendElement("div").id("preamble");
                preamble.appendChild(child);
            }
        }
    }

    /**
     * Links written with the IG Publisher's names of artifact pages and downloads lead to this site's; its
     * {@code package.tgz} is the project's package file.
     */
    private void leadIgPublisherLinks(Element body, Set<String> documentPages) {
        for (Element link : body.select("a[href]")) {
            String href = link.attr("href");
            String page = href.contains("#") ? href.substring(0, href.indexOf('#')) : href;
            if (documentPages.contains(page)) continue;
            if (page.equals(IG_PUBLISHER_PACKAGE)) link.attr("href", config.packageFileName());
            else pagePaths.ofIgPublisherName(href).ifPresent(ours -> link.attr("href", ours));
        }
    }

    private static int levelOf(Element heading) {
        return heading.normalName().charAt(1) - '0';
    }

    private static String fileStem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
