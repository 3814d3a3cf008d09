package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.report.Finding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document conversions remembered in the build cache. A conversion depends on the document's text and place,
 * the files it includes (followed through nested includes), and the artifacts its {@code fhir:} links resolve
 * against; the converter's settings are code, covered by the toolchain fingerprint. A document whose includes
 * cannot be known without converting it (an attribute in the target, a URL) or that embeds images
 * ({@code data-uri}) is converted every time.
 */
final class CachedDocuments {
    private static final Pattern TABLE = Pattern.compile("fhir-table::([^\\[\\s]+)\\[");
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[\\n]*)\\[", Pattern.MULTILINE);
    private static final int MAX_INCLUDE_DEPTH = 64;

    /** What the cache stores for a document: everything of the conversion except its source, which is the key. */
    record Entry(String title, String htmlBody, ConvertedDocument.Header header, List<ConvertedDocument.Heading> headings,
                 List<String> linkedArtifacts, List<Finding> findings) {}

    private final BuildCache cache;
    CachedDocuments(BuildCache cache) {
        this.cache = cache;
    }

    /** The key of {@code source}'s conversion, or empty when it cannot be cached. */
    Optional<String> keyOf(DocumentSource source, ArtifactIndex artifacts) {
        if (!cache.enabled() || source.text().contains("data-uri")) return Optional.empty();
        CacheKey key = cache.key(CacheStage.DOCUMENT).add(source.file()).add(source.path().toAbsolutePath().toString())
                .add(source.pagePath()).add(source.text()).add(artifacts.fingerprint());
        // Embedded element tables depend on the snapshots themselves: those it names, or all when an include
        // (which may embed one) is involved.
        if (INCLUDE.matcher(source.text()).find()) {
            key.add(artifacts.contentFingerprint(List.of()));
        } else {
            List<String> embedded = TABLE.matcher(source.text()).results().map(m -> m.group(1)).distinct().sorted().toList();
            if (!embedded.isEmpty()) key.add(artifacts.contentFingerprint(embedded));
        }
        IncludeResolver includes = new IncludeResolver(source.projectRoot().resolve(jp.nexehrs.load.ProjectLoader.SPEC_DIR));
        if (!addIncludes(key, includes, source.path(), source.text(), new HashSet<>(), 0)) return Optional.empty();
        return Optional.of(key.hex());
    }

    Optional<DocumentConverter.Result> find(DocumentSource source, String key) {
        return cache.readJson(CacheStage.DOCUMENT, key, Entry.class).map(e -> new DocumentConverter.Result(
                new ConvertedDocument(source, e.title(), e.htmlBody(), e.header(), e.headings(), e.linkedArtifacts()), e.findings()));
    }

    void remember(String key, DocumentConverter.Result result) {
        ConvertedDocument d = result.document();
        cache.writeJson(CacheStage.DOCUMENT, key, new Entry(d.title(), d.htmlBody(), d.header(), d.headings(), d.linkedArtifacts(),
                result.findings()));
    }

    /**
     * Adds every included file's path and bytes, found by the resolver the conversion uses (a missing or refused one
     * as such); false when an include is not knowable without converting (its target uses an attribute).
     */
    private boolean addIncludes(CacheKey key, IncludeResolver includes, Path includingFile, String text, Set<Path> seen, int depth) {
        if (depth > MAX_INCLUDE_DEPTH) return false;
        Matcher matcher = INCLUDE.matcher(text);
        while (matcher.find()) {
            String target = matcher.group(1).trim();
            if (target.contains("{")) return false;
            IncludeResolver.Resolution resolution = includes.resolve(includingFile, target);
            if (resolution instanceof IncludeResolver.Found found) {
                Path file = found.file();
                key.add(file.toString());
                try {
                    byte[] bytes = Files.readAllBytes(file);
                    key.add(bytes);
                    if (seen.add(file) && file.getFileName().toString().endsWith(".adoc")
                            && !addIncludes(key, includes, file, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), seen, depth + 1)) {
                        return false;
                    }
                } catch (IOException e) {
                    return false;
                }
            } else {
                key.add(target).add(resolution.toString());
            }
        }
        return true;
    }
}
