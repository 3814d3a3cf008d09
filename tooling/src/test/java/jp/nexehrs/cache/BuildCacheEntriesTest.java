package jp.nexehrs.cache;

import jp.nexehrs.report.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The build cache on a real folder: entries named by key, counted hits and misses, corrupt entries treated as
 * misses, a cache that cannot be written reported rather than fatal, and keys that hold the toolchain and stage.
 */
class BuildCacheEntriesTest {
    @TempDir
    Path dir;

    private BuildCache cache() {
        return BuildCache.at(dir.resolve(BuildCache.FOLDER), "toolchain-1");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEntryIsStoredInTwoLevelsUnderItsStageAndCountedAsAHit() {
        BuildCache cache = cache();
        String key = cache.key(CacheStage.SNAPSHOT).add("profile").hex();
        assertTrue(cache.read(CacheStage.SNAPSHOT, key).isEmpty());
        cache.write(CacheStage.SNAPSHOT, key, utf8("{}"));
        Path stored = dir.resolve(".cache/snapshots").resolve(key.substring(0, 2)).resolve(key.substring(2));
        assertTrue(Files.isRegularFile(stored), "stored at " + stored);
        assertArrayEquals(utf8("{}"), cache.read(CacheStage.SNAPSHOT, key).orElseThrow());
        cache.write(CacheStage.SNAPSHOT, key, utf8("{\"a\":1}"));
        assertArrayEquals(utf8("{\"a\":1}"), cache.read(CacheStage.SNAPSHOT, key).orElseThrow(), "a rewrite replaces the entry");
        CacheStats stats = cache.stats();
        assertTrue(stats.enabled());
        assertEquals(new CacheStats.Counts(2, 1), stats.of(CacheStage.SNAPSHOT));
        assertEquals(new CacheStats.Counts(0, 0), stats.of(CacheStage.DOCUMENT));
        assertEquals("", stats.writeProblem());
    }

    @Test
    void keysDependOnTheToolchainAndTheStage() {
        String one = cache().key(CacheStage.DOCUMENT).add("x").hex();
        assertEquals(one, cache().key(CacheStage.DOCUMENT).add("x").hex());
        assertNotEquals(one, BuildCache.at(dir, "toolchain-2").key(CacheStage.DOCUMENT).add("x").hex());
        assertNotEquals(one, cache().key(CacheStage.VALIDATION).add("x").hex());
    }

    @Test
    void aDisabledCacheStoresNothingAndEveryReadIsAMiss() {
        BuildCache cache = BuildCache.disabled();
        assertFalse(cache.enabled());
        String key = cache.key(CacheStage.DOCUMENT).add("x").hex();
        cache.write(CacheStage.DOCUMENT, key, utf8("x"));
        cache.writeJson(CacheStage.DOCUMENT, key, Finding.error("a", 1, 1, "m"));
        assertTrue(cache.read(CacheStage.DOCUMENT, key).isEmpty());
        assertEquals(new CacheStats.Counts(0, 1), cache.stats().of(CacheStage.DOCUMENT));
        assertFalse(cache.stats().enabled());
    }

    @Test
    void jsonEntriesRoundTripAndACorruptOneIsAMiss() {
        BuildCache cache = cache();
        Finding finding = new Finding(jp.nexehrs.report.Severity.WARNING, "profiles/x.json", 3, 4, "Patient", "id", "注意");
        String key = cache.key(CacheStage.VALIDATION).add("x").hex();
        cache.writeJson(CacheStage.VALIDATION, key, finding);
        assertEquals(Optional.of(finding), cache.readJson(CacheStage.VALIDATION, key, Finding.class));
        assertEquals(new CacheStats.Counts(1, 0), cache.stats().of(CacheStage.VALIDATION));

        String corrupt = cache.key(CacheStage.VALIDATION).add("corrupt").hex();
        cache.write(CacheStage.VALIDATION, corrupt, utf8("{not json"));
        assertTrue(cache.readJson(CacheStage.VALIDATION, corrupt, Finding.class).isEmpty());
        assertEquals(new CacheStats.Counts(1, 1), cache.stats().of(CacheStage.VALIDATION), "the corrupt read is recounted as a miss");
    }

    @Test
    void decodedEntriesAreKeptForTheNextReadAndARejectedOneIsAMiss() {
        BuildCache cache = cache();
        String key = cache.key(CacheStage.SNAPSHOT).add("x").hex();
        cache.write(CacheStage.SNAPSHOT, key, utf8("値"));
        AtomicInteger decodings = new AtomicInteger();
        String first = cache.readDecoded(CacheStage.SNAPSHOT, key, String.class, b -> {
            decodings.incrementAndGet();
            return new String(b, StandardCharsets.UTF_8);
        }).orElseThrow();
        String second = cache.readDecoded(CacheStage.SNAPSHOT, key, String.class, b -> {
            decodings.incrementAndGet();
            return "decoded again";
        }).orElseThrow();
        assertEquals("値", first);
        assertSame(first, second, "the second read takes the decoded value");
        assertEquals(1, decodings.get());
        assertEquals(new CacheStats.Counts(2, 0), cache.stats().of(CacheStage.SNAPSHOT));

        String bad = cache.key(CacheStage.SNAPSHOT).add("bad").hex();
        cache.write(CacheStage.SNAPSHOT, bad, utf8("?"));
        assertTrue(cache.readDecoded(CacheStage.SNAPSHOT, bad, String.class, b -> {
            throw new IllegalArgumentException("outdated");
        }).isEmpty());
        assertEquals(new CacheStats.Counts(2, 1), cache.stats().of(CacheStage.SNAPSHOT));
        assertTrue(cache.readDecoded(CacheStage.SNAPSHOT, cache.key(CacheStage.SNAPSHOT).add("absent").hex(), String.class,
                b -> "never").isEmpty());
        assertEquals(new CacheStats.Counts(2, 2), cache.stats().of(CacheStage.SNAPSHOT));
    }

    @Test
    void aCacheThatCannotBeWrittenSaysWhyAndStopsTrying() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the cache folder should be");
        BuildCache cache = BuildCache.at(blocked, "toolchain-1");
        String key = cache.key(CacheStage.DOCUMENT).add("x").hex();
        cache.write(CacheStage.DOCUMENT, key, utf8("x"));
        String problem = cache.stats().writeProblem();
        assertTrue(problem.startsWith("cannot write " + blocked), problem);
        assertTrue(cache.stats().summary().contains("; results not stored: cannot write"), cache.stats().summary());
        assertTrue(cache.read(CacheStage.DOCUMENT, key).isEmpty());
    }
}
