package jp.nexehrs.compose;

import jp.nexehrs.convert.ConvertedDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A guideline document's HTML as its page shows it: each section's anchor link named for screen readers (Asciidoctor
 * leaves it empty), each table in a box that scrolls on a narrow screen instead of widening the page, and the
 * comment links of {@link SectionLinks}.
 */
final class DocumentBody {
    private final SectionLinks sectionLinks;

    DocumentBody(SectionLinks sectionLinks) {
        this.sectionLinks = sectionLinks;
    }

    String forPage(ConvertedDocument document) {
        Document html = Jsoup.parseBodyFragment(document.htmlBody());
        html.outputSettings().prettyPrint(false);
        Element body = html.body();
        for (Element anchor : body.select("a.anchor")) {
            Element heading = anchor.parent();
            if (anchor.text().isEmpty() && heading != null) anchor.attr("aria-label", "この節へのリンク: " + heading.text());
        }
        for (Element table : body.select("table.tableblock")) {
            if (table.parent() != null && table.parent().hasClass("table-scroll")) continue;
            table.wrap("<div class=\"table-scroll\" tabindex=\"0\"></div>");
        }
        // element tables (fhir-table::) scroll in their own box: the keyboard must reach it
        body.select("div.fhir-table").attr("tabindex", "0");
        sectionLinks.addTo(body, document);
        return body.html();
    }
}
