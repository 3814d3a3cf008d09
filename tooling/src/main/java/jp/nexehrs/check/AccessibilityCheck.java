package jp.nexehrs.check;

import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accessibility of each guideline document as readers get it (its HTML, includes and all): headings go down one
 * level at a time, since screen readers navigate by the heading outline and a skipped level (h2 then h4) reads
 * as a missing section; and every image has a text alternative, not the file-name placeholder Asciidoctor puts
 * in when the editor wrote none. Warnings on the document and the line.
 */
final class AccessibilityCheck {
    static final String HEADING_ORDER = "heading-order";
    static final String IMAGE_ALT = "image-alt";
    /** The page's own h1 is the document title; the body starts below it. */
    private static final int TITLE_LEVEL = 1;
    /** The sections of an artifact's page (its views) are h2: an intro or notes sits among them. */
    static final int ARTIFACT_SECTION_LEVEL = 2;

    List<Finding> check(List<ConvertedDocument> documents) {
        return check(documents, TITLE_LEVEL);
    }

    /**
     * @param documents   documents, or the intros and notes of artifact pages
     * @param startsBelow the heading level the HTML is placed under: the page title (h1) for a document; the artifact
     *                    page's own sections (h2) for an intro or notes
     */
    List<Finding> check(List<ConvertedDocument> documents, int startsBelow) {
        List<Finding> findings = new ArrayList<>();
        for (ConvertedDocument document : documents) {
            Element body = Jsoup.parseBodyFragment(document.htmlBody()).body();
            findings.addAll(headingOrder(document, body, startsBelow));
            findings.addAll(imageAlternatives(document, body));
        }
        return findings;
    }

    private static List<Finding> headingOrder(ConvertedDocument document, Element body, int startsBelow) {
        List<Finding> findings = new ArrayList<>();
        int previous = startsBelow;
        for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
            int level = heading.normalName().charAt(1) - '0';
            if (level > previous + 1) {
                String title = heading.text();
                findings.add(new Finding(Severity.WARNING, document.source().file(), headingLine(document.source().text(), title, level), 0, "",
                        HEADING_ORDER, "heading '" + title + "' is level " + level + " (h" + level + ") right after level " + previous
                        + " (h" + previous + "): a level is skipped, which screen readers announce as a missing section; "
                        + switch (document.source().markup()) {
                            case MARKDOWN -> "make it one level below the heading before it (one '#' more)";
                            case XHTML -> "make it one level below the heading before it (h1 to h6 in the file)";
                            case ASCIIDOC -> "use " + "=".repeat(previous + 1);
                        } + " or add the level between"));
            }
            previous = level;
        }
        return findings;
    }

    private static List<Finding> imageAlternatives(ConvertedDocument document, Element body) {
        List<Finding> findings = new ArrayList<>();
        String text = document.source().text();
        java.util.Map<String, Integer> searchFrom = new java.util.HashMap<>();
        for (Element image : body.select("img")) {
            String src = image.attr("src");
            String alt = image.attr("alt").trim();
            if (!alt.isEmpty() && !alt.equals(asciidoctorDefaultAlt(src))) continue;
            String name = src.substring(src.lastIndexOf('/') + 1);
            // The image macro without alternative text, not the first mention of the file name (a caption, a link).
            Matcher macro = Pattern.compile("image::?[^\\[\\s]*" + Pattern.quote(name) + "\\[\\s*[,\\]]").matcher(text);
            int line;
            if (macro.find(searchFrom.getOrDefault(name, 0))) {
                line = TextPositions.lineAt(text, macro.start());
                searchFrom.put(name, macro.end());
            } else {
                line = TextPositions.lineOf(text, name);
            }
            findings.add(new Finding(Severity.WARNING, document.source().file(), line, 0, "",
                    IMAGE_ALT, "image '" + src + "' has no alternative text for readers who cannot see it: " + switch (document.source().markup()) {
                        case MARKDOWN -> "write it between the brackets, e.g. ![何を示す図か](" + src + "), or as alt=\"...\" of <img>";
                        case XHTML -> "give the <img> an alt=\"...\", e.g. <img src=\"" + src + "\" alt=\"何を示す図か\"/>";
                        case ASCIIDOC -> "write it as the image's first attribute, e.g. image:" + (image.closest("div.imageblock") != null ? ":" : "")
                                + src + "[何を示す図か]";
                    }));
        }
        return findings;
    }

    /** What Asciidoctor writes as alt when the editor gave none: the file's base name, '-' and '_' as spaces. */
    private static String asciidoctorDefaultAlt(String src) {
        String name = src.substring(src.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('_', ' ').replace('-', ' ');
    }

    /** The line of the section title in the source ("==== title" or "#### title"), else of its text, else 0. */
    private static int headingLine(String source, String title, int level) {
        Matcher line = Pattern.compile("(?m)^[=#]{" + level + "}\\s+" + Pattern.quote(title) + "\\s*$").matcher(source);
        return line.find() ? TextPositions.lineAt(source, line.start()) : TextPositions.lineOf(source, title);
    }
}
