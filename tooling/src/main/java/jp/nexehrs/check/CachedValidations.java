package jp.nexehrs.check;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Optional;

/**
 * Validation findings remembered in the build cache. A validation depends on the instance's text and file name,
 * and on every conformance resource and dependency package the validator can consult (the conversion's
 * {@code conformanceDigest}: the simplest choice that is always right); the validator's settings are code,
 * covered by the toolchain fingerprint.
 */
final class CachedValidations {
    /** What the cache stores for one instance. */
    record Entry(List<Finding> findings) {}

    private final BuildCache cache;
    private final String conformanceDigest;

    CachedValidations(BuildCache cache, String conformanceDigest) {
        this.cache = cache;
        this.conformanceDigest = conformanceDigest;
    }

    Optional<String> keyOf(FhirSource source) {
        if (!cache.enabled()) return Optional.empty();
        return Optional.of(cache.key(CacheStage.VALIDATION).add(conformanceDigest).add(source.file())
                .add(source.format().name()).add(source.text()).hex());
    }

    Optional<List<Finding>> find(String key) {
        return cache.readJson(CacheStage.VALIDATION, key, Entry.class).map(Entry::findings);
    }

    void remember(String key, List<Finding> findings) {
        cache.writeJson(CacheStage.VALIDATION, key, new Entry(findings));
    }
}
