package jp.nexehrs.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The site's URL scheme, owned here and nowhere else: the path (relative to the site root) of every page and
 * download. It is decided once per loaded project ({@link Project#pagePaths()}); every later stage (document links,
 * the link check, pages, navigation, search entries, the package's reading of the site's JSON) derives its paths
 * from it, so changing the naming rule here keeps the whole site linked.
 */
public final class PagePaths {
    /** The rule that names an artifact's or example's page and downloads from its resource type and id. */
    @FunctionalInterface
    public interface Naming {
        String stem(String resourceType, String id);
    }

    /** The scheme every build uses: {@code <Type>-<id>.html} at the site root, documents under their spec/ folder. */
    public static final PagePaths DEFAULT = new PagePaths((type, id) -> type + "-" + id);

    public static final String HOME = "index.html";
    public static final String ARTIFACT_INDEX = "artifacts.html";
    public static final String QA = "qa.html";
    public static final String GOVERNANCE = "governance.html";
    public static final String SEARCH_INDEX = "search-index.json";
    /** Every conformance resource (profiles with snapshots, extensions, value sets, code systems), JSON and XML, zipped. */
    public static final String DEFINITIONS_JSON_ZIP = "definitions.json.zip";
    public static final String DEFINITIONS_XML_ZIP = "definitions.xml.zip";
    /** Every example, JSON and XML, zipped. The four zips have the IG Publisher's names, which guides' pages link to. */
    public static final String EXAMPLES_JSON_ZIP = "examples.json.zip";
    public static final String EXAMPLES_XML_ZIP = "examples.xml.zip";
    /**
     * Files the IG Publisher writes on every site it builds that this site does not have, with what they hold: a guide's
     * download page links to them, which is not a mistake in the guide, so the link check says they are not made here.
     */
    private static final Map<String, String> IG_PUBLISHER_ONLY_FILES = Map.ofEntries(
            Map.entry("csvs.zip", "the profiles as CSV tables"), Map.entry("excels.zip", "the profiles as Excel workbooks"),
            Map.entry("schematrons.zip", "Schematron rules"), Map.entry("definitions.ttl.zip", "the definitions in Turtle"),
            Map.entry("examples.ttl.zip", "the examples in Turtle"), Map.entry("full-ig.zip", "the whole site as a zip"),
            Map.entry("expansions.json.zip", "the value sets' expansions"), Map.entry("expansions.xml.zip", "the value sets' expansions"),
            Map.entry("validator.pack", "the validator's pack"), Map.entry("package.r4.tgz", "an R4 copy of an R5 guide's package"),
            Map.entry("package.r4b.tgz", "an R4B copy of the package"), Map.entry("qa.min.html", "the IG Publisher's QA summary"));
    private static final String PAGE = ".html";
    /** {@code <Type>-<id>.<html|json|xml>}: a resource type (a capital, then letters) and a FHIR id. */
    private static final java.util.regex.Pattern IG_PUBLISHER_NAME =
            java.util.regex.Pattern.compile("([A-Z][A-Za-z]+)-([A-Za-z0-9.-]{1,64})\\.(html|json|xml)(#.*)?");

    /** The IG Publisher's extra pages of a profile: {@code StructureDefinition-<id>-<view>.html}, any fragment. */
    private static final java.util.regex.Pattern IG_PUBLISHER_PROFILE_SUB_PAGE =
            java.util.regex.Pattern.compile("StructureDefinition-([A-Za-z0-9.-]{1,64})-(definitions|mappings|examples|testing)\\.html(#.*)?");

    private final Naming naming;

    public PagePaths(Naming naming) {
        this.naming = Objects.requireNonNull(naming, "naming");
    }

    /** The page of a conformance resource or example. */
    public String page(FhirSource source) {
        return stem(source) + PAGE;
    }

    /** The JSON download beside its page. */
    public String json(FhirSource source) {
        return stem(source) + ".json";
    }

    /** The XML download beside its page. */
    public String xml(FhirSource source) {
        return stem(source) + ".xml";
    }

    /**
     * The file name of a resource in the FHIR package and in the zips of definitions and examples: FHIR's
     * {@code <Type>-<id>.json} whatever the site's naming, since tools that read packages expect it.
     */
    public String packageEntry(FhirSource source) {
        return source.resourceType() + "-" + source.id() + ".json";
    }

    /**
     * The page of a guideline document, from its path under spec/ ({@code sub/03-x.adoc} -> {@code sub/03-x.html}), or of
     * a page of the IG Publisher's layout, from its path under input/pagecontent/ ({@code guide.md} -> {@code guide.html},
     * the name the IG Publisher gives it and the guide's own links use).
     */
    public String documentPage(String relativeSource) {
        int dot = relativeSource.lastIndexOf('.');
        return (dot > relativeSource.lastIndexOf('/') ? relativeSource.substring(0, dot) : relativeSource) + PAGE;
    }

    /** The page of the resource {@code resourceType}/{@code id}, whether or not it is loaded yet (FSH makes some later). */
    public String page(String resourceType, String id) {
        return naming.stem(resourceType, id) + PAGE;
    }

    /**
     * Where a link written with the IG Publisher's name of an artifact's page or download ({@code StructureDefinition-x.html},
     * {@code Patient-example.json}; an optional {@code #fragment} is kept) leads on this site; empty for any other link.
     * Guides written for the IG Publisher link to its names, so their Markdown keeps working whatever this scheme names.
     * The IG Publisher's sub-pages of a profile ({@code StructureDefinition-x-definitions.html}, {@code -mappings},
     * {@code -examples}, {@code -testing}) lead to the section of the profile's one page that shows the same.
     */
    public java.util.Optional<String> ofIgPublisherName(String href) {
        String link = href.startsWith("./") ? href.substring(2) : href;
        java.util.regex.Matcher subPage = IG_PUBLISHER_PROFILE_SUB_PAGE.matcher(link);
        if (subPage.matches()) {
            String section = switch (subPage.group(2)) {
                case "definitions" -> "#views";
                case "mappings" -> "#mappings";
                case "examples" -> "#examples";
                default -> "";
            };
            return java.util.Optional.of(naming.stem("StructureDefinition", subPage.group(1)) + PAGE + section);
        }
        java.util.regex.Matcher name = IG_PUBLISHER_NAME.matcher(link);
        if (!name.matches()) return java.util.Optional.empty();
        String fragment = name.group(4) == null ? "" : name.group(4);
        return java.util.Optional.of(naming.stem(name.group(1), name.group(2)) + "." + name.group(3) + fragment);
    }

    /** The archive name of a resource in the zips of definitions and examples in XML: {@code <Type>-<id>.xml}. */
    public String xmlArchiveEntry(FhirSource source) {
        return source.resourceType() + "-" + source.id() + ".xml";
    }

    /** The zips of definitions and examples every site has. */
    public java.util.List<String> downloads() {
        return java.util.List.of(DEFINITIONS_JSON_ZIP, DEFINITIONS_XML_ZIP, EXAMPLES_JSON_ZIP, EXAMPLES_XML_ZIP);
    }

    /** What the IG Publisher's file {@code path} holds, when it is one of its own files this site does not have. */
    public java.util.Optional<String> igPublisherOnlyFile(String path) {
        return java.util.Optional.ofNullable(IG_PUBLISHER_ONLY_FILES.get(path));
    }

    /** The pages every site has, by the names the templates use: {@code site.pages.home} and so on. */
    public Map<String, String> fixedPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", HOME);
        pages.put("artifacts", ARTIFACT_INDEX);
        pages.put("qa", QA);
        pages.put("governance", GOVERNANCE);
        return Map.copyOf(pages);
    }

    private String stem(FhirSource source) {
        return naming.stem(source.resourceType(), source.id());
    }
}
