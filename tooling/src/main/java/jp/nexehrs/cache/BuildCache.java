package jp.nexehrs.cache;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A content-addressed store of results the build would otherwise compute again: converted documents, generated
 * snapshots, validation findings. An entry's name is the hash of everything the result depends on (see
 * {@link CacheKey}), always including the toolchain's own fingerprint, so a changed input or a new toolchain
 * simply finds nothing; nothing is ever invalidated in place. Entries are written to a temporary file and moved
 * into place, so a killed build or two threads never leave a torn entry; an unreadable entry is a miss.
 * Thread-safe: the check stage validates in parallel.
 */
public final class BuildCache {
    /** Where the cache lives inside a project: under build/, which is output and ignored by Git. */
    public static final String FOLDER = ".cache";

    private final Path folder;
    private final String toolchain;
    /** Records are stored as their components only (not derived getters such as {@code Finding.isError()}). */
    private final ObjectMapper json = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private final Map<CacheStage, AtomicInteger> hits = new EnumMap<>(CacheStage.class);
    private final Map<CacheStage, AtomicInteger> misses = new EnumMap<>(CacheStage.class);
    private volatile String writeProblem = "";
    /**
     * Entries already read and decoded by this toolkit, for one that lives across builds (nexehrs serve): parsing a
     * stored snapshot costs more than reading it. Bounded, least recently used first out.
     */
    private final Map<String, Object> decoded = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_DECODED;
        }
    };
    private static final int MAX_DECODED = 512;

    private BuildCache(Path folder, String toolchain) {
        this.folder = folder;
        this.toolchain = toolchain;
        for (CacheStage stage : CacheStage.values()) {
            hits.put(stage, new AtomicInteger());
            misses.put(stage, new AtomicInteger());
        }
    }

    /** A cache that remembers nothing (--no-cache, and commands that do not use one): every lookup is a miss. */
    public static BuildCache disabled() {
        return new BuildCache(null, "");
    }

    /** @param toolchain the toolchain's fingerprint ({@link ToolchainFingerprint}): part of every key */
    public static BuildCache at(Path folder, String toolchain) {
        return new BuildCache(folder, toolchain);
    }

    public boolean enabled() {
        return folder != null;
    }

    /**
     * Whether {@code stage} has stored anything here yet, by any toolchain. A cold build (a fresh clone, --no-cache)
     * finds nothing and can start early what it will certainly need.
     */
    public boolean holdsAny(CacheStage stage) {
        if (folder == null) return false;
        try (Stream<Path> entries = Files.list(folder.resolve(stage.folder()))) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false; // no folder yet: nothing stored
        }
    }

    /** A key for {@code stage} that already holds the toolchain's fingerprint; add the inputs to it. */
    public CacheKey key(CacheStage stage) {
        return new CacheKey().add(toolchain).add(stage.name());
    }

    /** The stored bytes for {@code key}, counted as a hit, or empty, counted as a miss. */
    public Optional<byte[]> read(CacheStage stage, String key) {
        if (folder != null) {
            try {
                byte[] stored = Files.readAllBytes(entry(stage, key));
                hits.get(stage).incrementAndGet();
                return Optional.of(stored);
            } catch (NoSuchFileException e) {
                // an input never seen before: the usual miss
            } catch (IOException e) {
                // unreadable entry: compute afresh and overwrite it
            }
        }
        misses.get(stage).incrementAndGet();
        return Optional.empty();
    }

    /**
     * The stored value decoded by {@code decoder}, kept decoded in memory for the next build of this toolkit; empty
     * (a miss) when absent or when the decoder rejects it. Callers must not change the returned value.
     */
    public <T> Optional<T> readDecoded(CacheStage stage, String key, Class<T> type, Function<byte[], T> decoder) {
        String memoKey = stage.name() + "/" + key;
        synchronized (decoded) {
            Object known = decoded.get(memoKey);
            if (type.isInstance(known)) {
                hits.get(stage).incrementAndGet();
                return Optional.of(type.cast(known));
            }
        }
        Optional<byte[]> stored = read(stage, key);
        if (stored.isEmpty()) return Optional.empty();
        T value;
        try {
            value = decoder.apply(stored.get());
        } catch (RuntimeException e) {
            // A corrupt or outdated entry is recounted as a miss and recomputed.
            hits.get(stage).decrementAndGet();
            misses.get(stage).incrementAndGet();
            return Optional.empty();
        }
        synchronized (decoded) {
            decoded.put(memoKey, value);
        }
        return Optional.of(value);
    }

    /** A stored JSON value, or empty (a miss) when absent or no longer readable as {@code type}. */
    public <T> Optional<T> readJson(CacheStage stage, String key, Class<T> type) {
        Optional<byte[]> stored = read(stage, key);
        if (stored.isEmpty()) return Optional.empty();
        try {
            return Optional.of(json.readValue(stored.get(), type));
        } catch (IOException e) {
            // A corrupt or outdated entry is recounted as a miss and recomputed.
            hits.get(stage).decrementAndGet();
            misses.get(stage).incrementAndGet();
            return Optional.empty();
        }
    }

    /** Stores a result. A cache that cannot be written (read-only build/) is reported in the stats, never fatal. */
    public void write(CacheStage stage, String key, byte[] value) {
        if (folder == null || !writeProblem.isEmpty()) return;
        Path target = entry(stage, key);
        try {
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(".tmp-" + UUID.randomUUID());
            Files.write(temporary, value);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            writeProblem = "cannot write " + folder + ": " + e;
        }
    }

    public void writeJson(CacheStage stage, String key, Object value) {
        if (folder == null) return;
        try {
            write(stage, key, json.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a " + value.getClass().getSimpleName() + " for the cache", e);
        }
    }

    public CacheStats stats() {
        Map<CacheStage, CacheStats.Counts> counts = new EnumMap<>(CacheStage.class);
        for (CacheStage stage : CacheStage.values()) {
            counts.put(stage, new CacheStats.Counts(hits.get(stage).get(), misses.get(stage).get()));
        }
        return new CacheStats(enabled(), counts, writeProblem);
    }

    /** Two levels, like Git's objects, so no folder holds thousands of entries. */
    private Path entry(CacheStage stage, String key) {
        return folder.resolve(stage.folder()).resolve(key.substring(0, 2)).resolve(key.substring(2));
    }
}
