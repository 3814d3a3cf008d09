package jp.nexehrs.check;

import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.fhir.LaterFhirVersionResourceException;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every link an editor writes in a guideline document must lead somewhere: another document (and, with a
 * {@code #fragment}, a section or anchor in it), an artifact's page or download, or a page the site always has.
 * A broken one is an error on the document and the line that holds it. Links to other sites are not followed
 * (the build is offline). The intros and notes of artifact pages are checked as the documents are, from the artifact's
 * page, and the files the site serves as they are (a guide's images) are pages too.
 */
final class LinkCheck {
    /** The IG Publisher's name of a resource's page: {@code <Type>-<id>.html}. */
    private static final Pattern IG_PUBLISHER_PAGE = Pattern.compile("([A-Z][A-Za-z]+)-[^/]+\\.html");

    /**
     * @param fragments   the intros and notes of artifact pages
     * @param pagePaths   the site's URL scheme: the pages every site has, and each artifact's and example's
     * @param servedFiles the site paths of the files served as they are
     */
    List<Finding> check(List<ConvertedDocument> documents, List<ConvertedDocument> fragments, List<ConformanceArtifact> artifacts,
                        List<FhirSource> examples, PagePaths pagePaths, String packageFile, List<String> servedFiles) {
        Map<String, Set<String>> anchorsByPage = new HashMap<>();
        Map<ConvertedDocument, Element> bodies = new java.util.LinkedHashMap<>();
        for (ConvertedDocument fragment : fragments) bodies.put(fragment, Jsoup.parseBodyFragment(fragment.htmlBody()).body());
        for (ConvertedDocument document : documents) {
            Element body = Jsoup.parseBodyFragment(document.htmlBody()).body();
            bodies.put(document, body);
            Set<String> anchors = new HashSet<>();
            body.select("[id]").forEach(e -> anchors.add(e.id()));
            document.headings().forEach(h -> anchors.add(h.id()));
            anchorsByPage.put(document.source().pagePath(), anchors);
        }
        Set<String> otherPages = new HashSet<>(pagePaths.fixedPages().values());
        otherPages.add(packageFile);
        otherPages.addAll(pagePaths.downloads());
        otherPages.addAll(servedFiles);
        for (ConformanceArtifact artifact : artifacts) {
            otherPages.add(pagePaths.page(artifact.source()));
            otherPages.add(pagePaths.json(artifact.source()));
        }
        for (FhirSource example : examples) {
            otherPages.add(pagePaths.page(example));
            otherPages.add(pagePaths.json(example));
        }

        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<ConvertedDocument, Element> checked : bodies.entrySet()) {
            ConvertedDocument document = checked.getKey();
            String page = document.source().pagePath();
            for (Element link : checked.getValue().select("a[href]")) {
                String href = link.attr("href");
                Problem problem = problemWith(page, href, anchorsByPage, otherPages, pagePaths);
                if (problem == null) continue;
                findings.add(new Finding(problem.severity(), document.source().file(),
                        lineOf(document, href, link.text()), 0, "", "broken-link", problem.message()));
            }
        }
        return findings;
    }

    /** What is wrong with a link: an error when it is the guide's mistake, a warning when only this site lacks the target. */
    private record Problem(Severity severity, String message) {
    }

    private static Problem problemWith(String fromPage, String href, Map<String, Set<String>> anchorsByPage, Set<String> otherPages,
                                       PagePaths pagePaths) {
        // Other sites are not followed (the build is offline), whatever their URL looks like.
        if (href.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") || href.startsWith("//")) return null;
        URI uri;
        try {
            uri = new URI(href);
        } catch (URISyntaxException e) {
            return new Problem(Severity.ERROR, "link '" + href + "' is not a valid URL");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? fromPage : resolve(fromPage, uri.getPath());
        String fragment = uri.getFragment();
        if (anchorsByPage.containsKey(path)) {
            if (fragment == null || fragment.isEmpty() || anchorsByPage.get(path).contains(fragment)) return null;
            return new Problem(Severity.ERROR, "link '" + href + "' names a section or anchor '#" + fragment + "' that "
                    + (path.equals(fromPage) ? "this document" : path) + " does not have");
        }
        if (otherPages.contains(path)) return null;
        if (path.startsWith("/")) {
            // Above the site's root (or from the server's root): where the site is published decides, which the build cannot know.
            return new Problem(Severity.WARNING, "link '" + href + "' leads outside the site's folder, to whatever the server"
                    + " it is published on has there: not checked");
        }
        Matcher artifactPage = IG_PUBLISHER_PAGE.matcher(path);
        if (artifactPage.matches() && LaterFhirVersionResourceException.isR5Only(artifactPage.group(1))) {
            return new Problem(Severity.WARNING, "link '" + href + "' is to the page of a FHIR R5 " + artifactPage.group(1)
                    + ", which this FHIR R4 build leaves out: it leads nowhere on this site");
        }
        Optional<String> igPublisherFile = pagePaths.igPublisherOnlyFile(path);
        if (igPublisherFile.isPresent()) {
            return new Problem(Severity.WARNING, "link '" + href + "' is to the IG Publisher's " + path + " (" + igPublisherFile.get()
                    + "), which nexehrs does not make: it leads nowhere on this site");
        }
        return new Problem(Severity.ERROR, "link '" + href + "' leads to no page of the site (" + path + ")");
    }

    /**
     * {@code to} relative to the folder of {@code fromPage}, normalised; a path that climbs out of the site, or starts at the
     * server's root, comes back as an absolute path.
     */
    private static String resolve(String fromPage, String to) {
        int slash = fromPage.lastIndexOf('/');
        String base = slash < 0 ? "" : fromPage.substring(0, slash + 1);
        return URI.create("file:/site/" + base).resolve(to.replace(" ", "%20")).getPath().replaceFirst("^/site/", "");
    }

    /**
     * Where the link is in the source: the line that mentions its target, else (a Markdown reference link, whose target is
     * defined elsewhere, even in an included file) the line that holds its text as a link, {@code [text]}, or its text at all;
     * 0 when none.
     */
    private static int lineOf(ConvertedDocument document, String href, String text) {
        String target = href.contains("#") ? href.substring(href.indexOf('#') + 1) : href.replace(".html", "");
        int line = target.isEmpty() ? 0 : TextPositions.lineOf(document.source().text(), target);
        if (line == 0 && !text.isBlank()) line = TextPositions.lineOf(document.source().text(), "[" + text + "]");
        if (line == 0 && !text.isBlank()) line = TextPositions.lineOf(document.source().text(), text); // emphasis inside the brackets
        return line;
    }
}
