package jp.nexehrs.compose;

import jp.nexehrs.util.Folders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The composed pages and assets of a site: each file's path and bytes, fixed once compose returns them. A build keeps
 * the bytes in a spool folder of their own (so that memory does not grow with the site; only the paths are kept),
 * which the publish stage moves into its staging folder whole; a preview and the tests keep them in memory.
 * Compose fills them through a {@link Builder}; nothing adds to them afterwards.
 */
public final class SiteFiles implements Iterable<SiteFile> {
    /** The name of a spool folder starts with this: publish removes those a killed build left behind. */
    public static final String SPOOL_PREFIX = ".staging-pages-";
    public static final SiteFiles NONE = new SiteFiles(null, Map.of());

    /** Where the bytes are; null when they are in memory. */
    private final Path spool;
    /** Path to content in memory, or to null when the content is in {@link #spool}. */
    private final Map<String, byte[]> files;

    private SiteFiles(Path spool, Map<String, byte[]> files) {
        this.spool = spool;
        this.files = files;
    }

    /** Files kept in memory. */
    public static SiteFiles of(Collection<SiteFile> files) {
        Builder builder = Storage.IN_MEMORY.start();
        builder.addAll(files);
        return builder.build();
    }

    /** Where a site's bytes are kept while it is composed. */
    public sealed interface Storage {
        Storage IN_MEMORY = new InMemory();

        /** Bytes written to a new spool folder in {@code parent} (the build folder, so that publish moves it, not copies). */
        static Storage spooledIn(Path parent) {
            return new Spooled(parent.toAbsolutePath().normalize());
        }

        Builder start();
    }

    private record InMemory() implements Storage {
        @Override
        public Builder start() {
            return new Builder(null);
        }
    }

    private record Spooled(Path parent) implements Storage {
        @Override
        public Builder start() {
            Path folder = parent.resolve(SPOOL_PREFIX + UUID.randomUUID());
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder + ": " + e.getMessage(), e);
            }
            return new Builder(folder);
        }
    }

    /**
     * Collects a site's files as compose makes them; a path added twice keeps its last content. Safe to add to from
     * several threads.
     */
    public static final class Builder {
        private final Path spool;
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        private Builder(Path spool) {
            this.spool = spool;
        }

        /** @throws UncheckedIOException when the file cannot be spooled, naming it */
        public void add(SiteFile file) {
            if (spool == null) {
                synchronized (this) {
                    files.put(file.path(), file.content());
                }
                return;
            }
            Path target = spool.resolve(file.path()).normalize();
            try {
                if (!target.startsWith(spool) || target.equals(spool)) throw new IOException("site path outside the site: " + file.path());
                Files.createDirectories(target.getParent());
                Files.write(target, file.content());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file.path() + " into " + spool + ": " + e.getMessage(), e);
            }
            synchronized (this) {
                files.put(file.path(), null);
            }
        }

        public void addAll(Collection<SiteFile> more) {
            more.forEach(this::add);
        }

        public synchronized SiteFiles build() {
            return new SiteFiles(spool, new LinkedHashMap<>(files));
        }
    }

    /** The folder holding the bytes, when they are not in memory: publish moves it into place whole. */
    public Optional<Path> spool() {
        return Optional.ofNullable(spool);
    }

    /** Deletes the spool folder, if any and if it was not moved: for a build that stops before it publishes. */
    public void discard() {
        if (spool != null) Folders.deleteQuietly(spool);
    }

    public List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    /** A file's content (read back from the spool when it is there). */
    public byte[] read(String path) {
        if (!files.containsKey(path)) throw new IllegalArgumentException("no site file " + path);
        byte[] content = files.get(path);
        if (content != null) return content;
        try {
            return Files.readAllBytes(spool.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + path + " from " + spool, e);
        }
    }

    /** Every file with its content, read one at a time. */
    public Stream<SiteFile> stream() {
        return paths().stream().map(path -> new SiteFile(path, read(path)));
    }

    @Override
    public Iterator<SiteFile> iterator() {
        return stream().iterator();
    }
}
