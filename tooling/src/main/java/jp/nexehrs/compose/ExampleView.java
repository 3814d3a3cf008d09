package jp.nexehrs.compose;

import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.html.HtmlPolicy;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.GuideDeclaration;
import jp.nexehrs.render.ArtifactLinks;
import org.hl7.fhir.r4.model.DomainResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
        page.put("name", entry.map(GuideDeclaration.Entry::name).filter(n -> n != null && !n.isBlank()).orElse(""));
        page.put("description", entry.map(GuideDeclaration.Entry::description).filter(d -> d != null && !d.isBlank()).orElse(""));
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
