package jp.nexehrs.compose;

import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.search.SearchEntry;
import org.hl7.fhir.r4.model.MetadataResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;

/** What the site's search covers: each section of each guideline document, and each artifact page. */
final class SearchEntries {
    private SearchEntries() {
    }

    static List<SearchEntry> of(List<ConvertedDocument> documents, List<ConformanceArtifact> artifacts, PagePaths paths) {
        List<SearchEntry> entries = new ArrayList<>();
        for (ConvertedDocument document : documents) {
            String page = document.source().pagePath();
            Element body = Jsoup.parseBodyFragment(document.htmlBody()).body();
            Element preamble = body.selectFirst("#preamble");
            String summary = document.header().description() + " " + (preamble == null ? "" : preamble.text());
            entries.add(new SearchEntry(page, document.title(), "", summary));
            // Asciidoctor wraps each section in div.sectN with its heading first; index a section's own text.
            for (Element section : body.select("div.sect1, div.sect2, div.sect3")) {
                Element heading = section.selectFirst("h2, h3, h4");
                if (heading == null) continue;
                Element copy = section.clone();
                copy.select("div.sect2, div.sect3, div.sect4").remove();
                copy.select("h2, h3, h4").first().remove();
                String anchor = heading.id().isEmpty() ? "" : "#" + heading.id();
                entries.add(new SearchEntry(page + anchor, document.title(), heading.text(), copy.text()));
            }
        }
        for (ConformanceArtifact artifact : artifacts) {
            if (!(artifact.resource() instanceof MetadataResource metadata)) continue;
            String title = metadata.hasTitle() ? metadata.getTitle() : metadata.getName();
            String text = String.join(" ", artifact.source().resourceType(), metadata.getName() == null ? "" : metadata.getName(),
                    metadata.getUrl() == null ? "" : metadata.getUrl(), metadata.getDescription() == null ? "" : metadata.getDescription());
            entries.add(new SearchEntry(paths.page(artifact.source()), title, "", text));
        }
        return entries;
    }
}
