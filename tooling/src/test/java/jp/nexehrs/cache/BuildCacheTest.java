package jp.nexehrs.cache;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a build can ask the cache before it computes anything: whether a stage holds entries at all. */
class BuildCacheTest {
    @TempDir
    Path dir;

    @Test
    void aStageHoldsEntriesOnlyOnceOneIsWritten() {
        BuildCache cache = BuildCache.at(dir.resolve(BuildCache.FOLDER), "toolchain-1");
        assertFalse(cache.holdsAny(CacheStage.DOCUMENT), "a new cache folder holds nothing");
        String key = cache.key(CacheStage.DOCUMENT).add("spec/01-overview.adoc").hex();
        cache.write(CacheStage.DOCUMENT, key, "<p>総論</p>".getBytes(StandardCharsets.UTF_8));
        assertTrue(cache.holdsAny(CacheStage.DOCUMENT));
        assertFalse(cache.holdsAny(CacheStage.SNAPSHOT), "other stages still hold nothing");
        assertArrayEquals("<p>総論</p>".getBytes(StandardCharsets.UTF_8), cache.read(CacheStage.DOCUMENT, key).orElseThrow());
        assertTrue(BuildCache.at(dir.resolve(BuildCache.FOLDER), "toolchain-2").holdsAny(CacheStage.DOCUMENT),
                "entries of another toolchain count: the cache is not cold");
    }

    @Test
    void aDisabledCacheHoldsNothing() {
        assertFalse(BuildCache.disabled().holdsAny(CacheStage.DOCUMENT));
    }
}
