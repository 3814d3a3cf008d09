package jp.nexehrs.check;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.util.UrlMentions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validation findings remembered in the build cache. A validation depends on the instance's text and file name,
 * the dependency packages, and the project's conformance resources the validator can reach from the instance: the
 * ones whose canonical URL the instance names (its profiles, extensions, code systems), then those their own texts
 * name (bases, bindings, included code systems), and so on. The validator finds a project resource only by its
 * canonical URL, and a reference to one is always written as that URL, so this closure holds every project
 * resource the result can depend on; editing a profile revalidates only the instances that reach it. The
 * validator's settings are code, covered by the toolchain fingerprint.
 */
final class CachedValidations {
    /** What the cache stores for one instance. */
    record Entry(List<Finding> findings) {}

    private final BuildCache cache;
    private final String dependencyDigest;
    private final List<FhirSource> conformance;
    private final Map<String, List<FhirSource>> byUrl;
    /** For each conformance resource, those whose URL its text names. */
    private final Map<FhirSource, List<FhirSource>> names;
    /** For each conformance resource, the digest of its text: hashed once, not once for every instance that reaches it. */
    private final Map<FhirSource, String> textDigests;

    CachedValidations(BuildCache cache, String dependencyDigest, List<FhirSource> conformance) {
        this.cache = cache;
        this.dependencyDigest = dependencyDigest;
        this.conformance = conformance.stream().filter(c -> !c.url().isEmpty()).toList();
        this.byUrl = this.conformance.stream().collect(Collectors.groupingBy(FhirSource::url));
        this.names = cache.enabled()
                ? this.conformance.stream().collect(Collectors.toMap(c -> c, c -> named(c.text()), (a, b) -> a, IdentityHashMap::new))
                : Map.of();
        this.textDigests = cache.enabled()
                ? this.conformance.stream().collect(
                        Collectors.toMap(c -> c, c -> new CacheKey().add(c.utf8()).hex(), (a, b) -> a, IdentityHashMap::new))
                : Map.of();
    }

    Optional<String> keyOf(FhirSource source) {
        if (!cache.enabled()) return Optional.empty();
        CacheKey key = cache.key(CacheStage.VALIDATION).add(dependencyDigest).add(source.file()).add(source.format().name()).add(source.utf8());
        for (FhirSource reached : reachable(source)) key.add(reached.file()).add(textDigests.get(reached));
        return Optional.of(key.hex());
    }

    Optional<List<Finding>> find(String key) {
        return cache.readJson(CacheStage.VALIDATION, key, Entry.class).map(Entry::findings);
    }

    void remember(String key, List<Finding> findings) {
        cache.writeJson(CacheStage.VALIDATION, key, new Entry(findings));
    }

    /** The conformance resources reachable from the instance by canonical URL, in the project's (stable) order. */
    private List<FhirSource> reachable(FhirSource instance) {
        Set<FhirSource> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<FhirSource> pending = new ArrayDeque<>(named(instance.text()));
        while (!pending.isEmpty()) {
            FhirSource next = pending.pop();
            if (reached.add(next)) pending.addAll(names.get(next));
        }
        List<FhirSource> ordered = new ArrayList<>();
        for (FhirSource c : conformance) if (reached.contains(c)) ordered.add(c);
        return ordered;
    }

    private List<FhirSource> named(String text) {
        List<FhirSource> found = new ArrayList<>();
        for (String url : UrlMentions.in(text)) found.addAll(byUrl.getOrDefault(url, List.of()));
        return found;
    }
}
