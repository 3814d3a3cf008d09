package jp.nexehrs.cache;

import jp.nexehrs.util.Plural;

import java.util.EnumMap;
import java.util.Map;

/**
 * What the cache did: hits and misses per stage, and the reason it could not store results, if any.
 *
 * @param writeProblem empty when every result could be stored
 */
public record CacheStats(boolean enabled, Map<CacheStage, Counts> counts, String writeProblem) {
    /** Hits and misses of one stage. */
    public record Counts(int hits, int misses) {
        Counts minus(Counts earlier) {
            return new Counts(hits - earlier.hits, misses - earlier.misses);
        }
    }

    public CacheStats {
        counts = Map.copyOf(counts);
        writeProblem = writeProblem == null ? "" : writeProblem;
    }

    public Counts of(CacheStage stage) {
        return counts.getOrDefault(stage, new Counts(0, 0));
    }

    /** What happened after {@code earlier}: one run of a toolkit that lives for several (nexehrs serve). */
    public CacheStats since(CacheStats earlier) {
        Map<CacheStage, Counts> delta = new EnumMap<>(CacheStage.class);
        for (CacheStage stage : CacheStage.values()) delta.put(stage, of(stage).minus(earlier.of(stage)));
        return new CacheStats(enabled, delta, writeProblem);
    }

    /** One line for --timings and --verbose, e.g. {@code cache: documents 9 hits 1 miss, snapshots 15 hits 0 misses, ...}. */
    public String summary() {
        if (!enabled) return "cache: off (--no-cache): everything converted and validated afresh";
        StringBuilder out = new StringBuilder("cache (build/.cache):");
        String separator = " ";
        for (CacheStage stage : CacheStage.values()) {
            Counts c = of(stage);
            if (stage == CacheStage.FSH && c.hits() + c.misses() == 0) continue; // a project without FSH sources
            out.append(separator).append(stage.folder()).append(' ').append(Plural.of(c.hits(), "hit")).append(' ')
                    .append(Plural.of(c.misses(), "miss", "misses"));
            separator = ", ";
        }
        if (!writeProblem.isEmpty()) out.append("; results not stored: ").append(writeProblem);
        return out.toString();
    }
}
