package jp.nexehrs.cache;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What --timings and --verbose say about the cache, and the counts of one run of a long-lived toolkit. */
class CacheStatsTest {
    @Test
    void theSummaryNamesEveryStageWithItsHitsAndMisses() {
        CacheStats stats = new CacheStats(true, Map.of(CacheStage.DOCUMENT, new CacheStats.Counts(9, 1),
                CacheStage.SNAPSHOT, new CacheStats.Counts(1, 0)), null);
        assertEquals("cache (build/.cache): documents 9 hits 1 miss, snapshots 1 hit 0 misses, validations 0 hits 0 misses",
                stats.summary());
        assertEquals("", stats.writeProblem());
    }

    @Test
    void aDisabledCacheSaysSo() {
        assertTrue(new CacheStats(false, Map.of(), "").summary().startsWith("cache: off (--no-cache)"));
    }

    @Test
    void sinceGivesWhatOneRunAdded() {
        CacheStats before = new CacheStats(true, Map.of(CacheStage.DOCUMENT, new CacheStats.Counts(3, 2)), "");
        CacheStats after = new CacheStats(true, Map.of(CacheStage.DOCUMENT, new CacheStats.Counts(10, 4),
                CacheStage.VALIDATION, new CacheStats.Counts(1, 1)), "disk full");
        CacheStats run = after.since(before);
        assertEquals(new CacheStats.Counts(7, 2), run.of(CacheStage.DOCUMENT));
        assertEquals(new CacheStats.Counts(1, 1), run.of(CacheStage.VALIDATION));
        assertEquals(new CacheStats.Counts(0, 0), run.of(CacheStage.SNAPSHOT));
        assertEquals("disk full", run.writeProblem());
        assertTrue(run.enabled());
    }

    @Test
    void theToolchainFingerprintIsStableForOneToolchainAndVersion() {
        String fingerprint = ToolchainFingerprint.of("1.0.0");
        assertEquals(64, fingerprint.length());
        assertEquals(fingerprint, ToolchainFingerprint.of("1.0.0"));
        assertNotEquals(fingerprint, ToolchainFingerprint.of("1.0.1"), "a new version never reuses results");
    }

    @Test
    void eachStageHasItsOwnFolder() {
        assertEquals("documents", CacheStage.DOCUMENT.folder());
        assertEquals("snapshots", CacheStage.SNAPSHOT.folder());
        assertEquals("validations", CacheStage.VALIDATION.folder());
    }
}
