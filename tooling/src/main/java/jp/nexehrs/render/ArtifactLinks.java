package jp.nexehrs.render;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where links to artifacts go: this project's own artifacts to their pages on the site (by canonical URL), the
 * FHIR R4 base types, core extensions, core profiles and value sets to their own pages of the R4 specification,
 * anything else to its canonical URL.
 */
public final class ArtifactLinks {
    /** An artifact of this project: its canonical URL, the name to show and its page relative to the site root. */
    public record Local(String url, String name, String pagePath) {}

    private static final String R4 = "https://hl7.org/fhir/R4/";
    private static final String CORE_PREFIX = "http://hl7.org/fhir/StructureDefinition/";
    private static final String CORE_VALUE_SETS = "http://hl7.org/fhir/ValueSet/";
    private final Map<String, Local> byUrl;
    private final Function<String, IBaseResource> coreDefinitions;
    /** Each core definition's page, found once: the lookup reads the R4 definitions. */
    private final Map<String, String> corePages = new ConcurrentHashMap<>();

    private ArtifactLinks(Map<String, Local> byUrl, Function<String, IBaseResource> coreDefinitions) {
        this.byUrl = Map.copyOf(byUrl);
        this.coreDefinitions = coreDefinitions;
    }

    /** A conformance resource and its page, as the site's URL scheme (load.PagePaths) names it. */
    public record Page(IBaseResource resource, String pagePath) {}

    /**
     * Links for the given conformance resources and their pages. Read one at a time, so that a lazy stream never
     * has them all in memory at once.
     *
     * @param coreDefinitions the R4 definition at a core canonical URL (null when there is none), which tells a core
     *                        extension (its page is {@code extension-<id>.html}) from a core profile
     */
    public static ArtifactLinks of(Stream<Page> pages, Function<String, IBaseResource> coreDefinitions) {
        Map<String, Local> byUrl = new HashMap<>();
        pages.forEachOrdered(page -> {
            if (!(page.resource() instanceof MetadataResource metadata) || !metadata.hasUrl()) return;
            String name = metadata.hasName() ? metadata.getName() : metadata.getIdElement().getIdPart();
            byUrl.putIfAbsent(metadata.getUrl(), new Local(metadata.getUrl(), name, page.pagePath()));
        });
        return new ArtifactLinks(byUrl, coreDefinitions);
    }

    public Optional<Local> local(String canonical) {
        return Optional.ofNullable(byUrl.get(withoutVersion(canonical)));
    }

    /** A link label and target for a canonical URL: our page, the R4 page of a core definition, or the URL itself. */
    public Link canonical(String canonical, String rootPrefix) {
        String url = withoutVersion(canonical);
        Local local = byUrl.get(url);
        if (local != null) return new Link(local.name(), rootPrefix + local.pagePath());
        if (url.startsWith(CORE_PREFIX)) {
            String id = url.substring(CORE_PREFIX.length());
            return new Link(id, R4Types.isType(id) ? R4Types.href(id) : corePages.computeIfAbsent(url, this::corePage));
        }
        if (url.startsWith(CORE_VALUE_SETS)) {
            String id = url.substring(CORE_VALUE_SETS.length());
            return new Link(id, R4 + "valueset-" + id + ".html");
        }
        return new Link(url.substring(url.lastIndexOf('/') + 1), url.startsWith("http") ? url : "");
    }

    /** The R4 page of a core extension or profile that is not a type; the canonical URL when R4 has no such definition. */
    private String corePage(String url) {
        String id = url.substring(CORE_PREFIX.length());
        if (!(coreDefinitions.apply(url) instanceof StructureDefinition definition)) return url;
        boolean extension = "Extension".equals(definition.getType()) && definition.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT;
        return R4 + (extension ? "extension-" : "") + id.toLowerCase(Locale.ROOT) + ".html";
    }

    static String withoutVersion(String canonical) {
        int bar = canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }

    /** A label and where it points; an empty href means no link. */
    public record Link(String label, String href) {}
}
