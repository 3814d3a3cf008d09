package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.CacheKey;
import jp.nexehrs.cache.CacheStage;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.SourceText;
import jp.nexehrs.util.UrlMentions;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated snapshots remembered in the build cache. A snapshot depends on the profile's own text, on the
 * dependency packages and R4 (the {@code baseDigest}), and on every local StructureDefinition it names by
 * canonical URL (its base, the extensions and profiles of its elements), whose keys are folded in the same way:
 * changing a base therefore changes the keys of all profiles derived from it. Canonical references are always
 * written as the URL, so the URLs the text mentions include every one.
 */
final class CachedSnapshots {
    private final BuildCache cache;
    private final FhirEngine engine;
    private final String baseDigest;
    private final Map<String, FhirSource> profilesByUrl;
    private final Map<String, Optional<String>> keys = new HashMap<>();

    /** @param baseDigest the digest of what lies outside the project: dependency packages */
    CachedSnapshots(BuildCache cache, FhirEngine engine, String baseDigest, Map<String, FhirSource> profilesByUrl) {
        this.cache = cache;
        this.engine = engine;
        this.baseDigest = baseDigest;
        this.profilesByUrl = profilesByUrl;
    }

    /** The key of a local profile's snapshot; empty when the cache is off or the profile is part of a cycle. */
    Optional<String> keyOf(FhirSource profile) {
        if (!cache.enabled()) return Optional.empty();
        return keyOf(profile, new HashSet<>());
    }

    private Optional<String> keyOf(FhirSource profile, Set<String> visiting) {
        Optional<String> known = keys.get(profile.url());
        if (known != null) return known;
        if (!visiting.add(profile.url())) return Optional.empty();
        CacheKey key = cache.key(CacheStage.SNAPSHOT).add(baseDigest).add(profile.file()).add(profile.utf8());
        Optional<String> result = Optional.empty();
        boolean complete = true;
        for (String url : new TreeSet<>(UrlMentions.in(profile.text()))) {
            if (url.equals(profile.url()) || !profilesByUrl.containsKey(url)) continue;
            Optional<String> needed = keyOf(profilesByUrl.get(url), visiting);
            if (needed.isEmpty()) {
                complete = false;
                break;
            }
            key.add(url).add(needed.get());
        }
        if (complete) result = Optional.of(key.hex());
        visiting.remove(profile.url());
        keys.put(profile.url(), result);
        return result;
    }

    /** A snapshot as remembered: the profile with it, and its JSON (the very bytes remembered). */
    record Remembered(StructureDefinition profile, SourceText json) {}

    /**
     * A copy of the remembered snapshot, with its JSON: the decoded original stays in memory for the next build of this
     * toolkit, and the JSON need not be written again.
     */
    Optional<Remembered> find(String key) {
        return cache.readDecoded(CacheStage.SNAPSHOT, key, Remembered.class, bytes -> {
                    String json = new String(bytes, StandardCharsets.UTF_8);
                    return new Remembered((StructureDefinition) engine.jsonParser().parseResource(json), SourceText.of(json));
                })
                .map(remembered -> new Remembered(remembered.profile().copy(), remembered.json()));
    }

    /** @param json the generated snapshot's JSON ({@link ConformanceArtifact#json}) */
    void remember(String key, SourceText json) {
        if (!cache.enabled()) return;
        cache.write(CacheStage.SNAPSHOT, key, json.utf8());
    }
}
