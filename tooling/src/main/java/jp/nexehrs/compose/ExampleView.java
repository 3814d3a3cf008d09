package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.html.HtmlPolicy;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.GuideDeclaration;
import jp.nexehrs.render.ArtifactLinks;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model of an example's page: its JSON and XML, its narrative made safe to show (a narrative is the
 * example author's content and is never trusted as markup: no scripts, event handlers, javascript: URLs or
 * iframes), the profiles it was checked against and its validation findings.
 */
final class ExampleView {
    /** The longest title taken from a resource's text, in characters: a heading, not a paragraph. */
    private static final int TITLE_LENGTH = 80;
    private final HtmlPolicy htmlPolicy = new HtmlPolicy();
    private final SiteLinks site;
    private final Optional<GuideDeclaration> guide;

    /** @param guide the guide's own ImplementationGuide, whose entries name and describe examples */
    ExampleView(SiteLinks site, Optional<GuideDeclaration> guide) {
        this.site = site;
        this.guide = guide;
    }

    Map<String, Object> model(ExampleValidation example, String json, String xml) {
        FhirSource source = example.source();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("example", source);
        Optional<GuideDeclaration.Entry> entry = guide.flatMap(g -> g.entry(source.resourceType(), source.id()));
        String title = title(source, guide);
        page.put("name", title);
        String description = entry.map(GuideDeclaration.Entry::description).filter(d -> d != null && !d.isBlank())
                .orElse(text(source, "description"));
        page.put("description", description.equals(title) ? "" : description);
        page.put("json", json);
        page.put("xml", xml);
        page.put("narrative", narrative(source));
        page.put("profiles", example.checkedAgainst().stream().map(url -> {
            ArtifactLinks.Link link = site.links().canonical(url, "");
            return Map.of("url", url, "label", link.label(), "href", link.href());
        }).toList());
        page.put("findings", example.findings());
        page.put("errors", example.errorCount());
        page.put("warnings", example.warningCount());
        return page;
    }

    /**
     * What the example is, in words: the name the guide gives it, else the resource's own name, title or
     * description, else the first line of its narrative; "" when it has none of them (the page shows
     * {@code Type/id}).
     */
    static String title(FhirSource source, Optional<GuideDeclaration> guide) {
        Optional<String> named = guide.flatMap(g -> g.entry(source.resourceType(), source.id())).map(GuideDeclaration.Entry::name)
                .filter(n -> n != null && !n.isBlank());
        if (named.isPresent()) return named.get();
        for (String element : new String[]{"name", "title", "description"}) {
            String text = text(source, element);
            if (!text.isEmpty()) return text;
        }
        return firstLineOfNarrative(source);
    }

    /** The first value of a top-level element as one short line: a string, or a person's name; "" when absent. */
    private static String text(FhirSource source, String element) {
        if (!(source.resource() instanceof Resource resource)) return "";
        Property property = resource.getChildByName(element);
        if (property == null || !property.hasValues()) return "";
        Base value = property.getValues().get(0);
        String text = value instanceof HumanName name ? name.getNameAsSingleString()
                : value instanceof PrimitiveType<?> primitive ? primitive.getValueAsString() : null;
        return text == null ? "" : oneLine(text);
    }

    private static String firstLineOfNarrative(FhirSource source) {
        if (!(source.resource() instanceof DomainResource resource) || !resource.hasText() || !resource.getText().hasDiv()) return "";
        String div = resource.getText().getDivAsString();
        if (div == null) return "";
        Element body = Jsoup.parse(div, "", Parser.xmlParser());
        Element first = body.selectFirst("p, h1, h2, h3, h4, li, td, th");
        return oneLine((first == null ? body : first).text());
    }

    /** The text's first line, at most {@link #TITLE_LENGTH} characters. */
    private static String oneLine(String text) {
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.codePointCount(0, line.length()) <= TITLE_LENGTH ? line
                : line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH - 1)) + "…";
    }

    /** The narrative's XHTML after sanitising, or "" when the example has none. */
    private String narrative(FhirSource source) {
        if (!(source.resource() instanceof DomainResource resource) || !resource.hasText() || !resource.getText().hasDiv()) return "";
        String div = resource.getText().getDivAsString();
        if (div == null) return "";
        // The narrative is XHTML: read it as XML first, so that a self-closed <iframe/> or <script/> cannot swallow
        // the markup after it as an HTML parser would, then clean its HTML with the policy documents use.
        Document xhtml = Jsoup.parse(div, "", Parser.xmlParser());
        xhtml.outputSettings().syntax(Document.OutputSettings.Syntax.html);
        return htmlPolicy.clean(xhtml.html());
    }
}
