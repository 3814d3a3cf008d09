package jp.nexehrs.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of a site, added as they are made. A build writes each one straight into its staging folder, so that
 * memory does not grow with the size of the site (only the paths are kept); a preview and the tests keep them in
 * memory. Append-only; a path added twice keeps its last content. Safe to add to from several threads.
 */
public final class SiteFiles implements Iterable<SiteFile> {
    /** Where files are written; null when they are kept in memory. */
    private final Path folder;
    /** Path to content in memory, or to null when the content is in {@link #folder}. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private SiteFiles(Path folder) {
        this.folder = folder;
    }

    public static SiteFiles inMemory() {
        return new SiteFiles(null);
    }

    public static SiteFiles inMemory(Collection<SiteFile> files) {
        SiteFiles site = inMemory();
        site.addAll(files);
        return site;
    }

    /** Files written into {@code folder} (created as needed) as they are added. */
    public static SiteFiles writingTo(Path folder) {
        return new SiteFiles(folder.toAbsolutePath().normalize());
    }

    /** @throws UncheckedIOException when the file cannot be written, naming it */
    public void add(SiteFile file) {
        if (folder == null) {
            synchronized (this) {
                files.put(file.path(), file.content());
            }
            return;
        }
        Path target = folder.resolve(file.path()).normalize();
        try {
            if (!target.startsWith(folder) || target.equals(folder)) throw new IOException("site path outside the site: " + file.path());
            Files.createDirectories(target.getParent());
            Files.write(target, file.content());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.path() + " into " + folder + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            files.put(file.path(), null);
        }
    }

    public void addAll(Collection<SiteFile> more) {
        more.forEach(this::add);
    }

    /** The folder the files are written to, when they are not kept in memory. */
    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    public synchronized List<String> paths() {
        return List.copyOf(files.keySet());
    }

    public synchronized boolean isEmpty() {
        return files.isEmpty();
    }

    public synchronized boolean contains(String path) {
        return files.containsKey(path);
    }

    /** A file's content (read back from the folder when it was written there). */
    public byte[] read(String path) {
        byte[] content;
        synchronized (this) {
            if (!files.containsKey(path)) throw new IllegalArgumentException("no site file " + path);
            content = files.get(path);
        }
        if (content != null) return content;
        try {
            return Files.readAllBytes(folder.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + path + " from " + folder, e);
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

    /** Every file in memory at once: for previews and tests of small sites. */
    public List<SiteFile> toList() {
        return new ArrayList<>(stream().toList());
    }
}
