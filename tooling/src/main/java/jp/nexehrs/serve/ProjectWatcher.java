package jp.nexehrs.serve;

import jp.nexehrs.load.ProjectLoader;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches the project's sources (the folders of {@link ProjectLoader#SOURCE_FOLDERS}, and its root, for the
 * configuration files of {@link ProjectLoader#CONFIG_FILES}) with the platform's WatchService: every folder is
 * registered, and folders created later are registered as they appear.
 * Changes are gathered until the files have been quiet for {@link #QUIET_MILLIS} (an editor's save is often a
 * write, a rename and a delete), then handed over together as paths relative to the project root.
 */
final class ProjectWatcher implements AutoCloseable {
    /** An editor's save (write, rename, delete of a backup) is done within a few milliseconds; this is the margin. */
    static final long QUIET_MILLIS = 50;

    private final Path root;
    private final WatchService watcher;

    ProjectWatcher(Path root) throws IOException {
        this.root = root;
        this.watcher = FileSystems.getDefault().newWatchService();
        root.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        for (String source : ProjectLoader.SOURCE_FOLDERS) registerTree(root.resolve(source));
    }

    /** What is watched in this project, as the terminal says it: its source folders (with a slash) and configuration files. */
    static List<String> watchedIn(Path root) {
        List<String> watched = new ArrayList<>(ProjectLoader.SOURCE_FOLDERS.stream().filter(source -> Files.isDirectory(root.resolve(source)))
                .map(source -> source + "/").toList());
        ProjectLoader.CONFIG_FILES.stream().filter(name -> Files.isRegularFile(root.resolve(name))).forEach(watched::add);
        return watched;
    }

    /** Calls {@code onChange} with each quiet batch of changes, until closed; runs on the calling thread. */
    void run(Consumer<Set<String>> onChange) {
        try {
            while (true) {
                Set<String> changed = new TreeSet<>();
                collect(watcher.take(), changed);
                WatchKey more;
                while ((more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) collect(more, changed);
                if (!changed.isEmpty()) onChange.accept(changed);
            }
        } catch (ClosedWatchServiceException e) {
            // closed: the server is stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void collect(WatchKey key, Set<String> changed) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed.add("(many files)");
                continue;
            }
            Path path = dir.resolve((Path) event.context());
            String relative = root.relativize(path).toString().replace('\\', '/');
            if (!isSource(relative) || isEditorScratch(path.getFileName().toString())) continue;
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
                try {
                    registerTree(path);
                } catch (IOException e) {
                    // The folder went away before it could be registered: there is nothing in it to watch.
                }
            }
            changed.add(relative);
        }
        key.reset();
    }

    private static boolean isSource(String relative) {
        if (ProjectLoader.CONFIG_FILES.contains(relative)) return true;
        return ProjectLoader.SOURCE_FOLDERS.stream().anyMatch(s -> relative.equals(s) || relative.startsWith(s + "/"));
    }

    /**
     * Swap, backup and probe files that editors write next to the real one: saving the real one follows. (Vim probes a
     * folder with {@code 4913}; JetBrains' safe write goes through {@code name___jb_tmp___} and {@code name___jb_old___}.)
     */
    static boolean isEditorScratch(String name) {
        return name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.startsWith(".#")
                || name.endsWith(".tmp") || name.startsWith(".~") || name.equals("4913")
                || name.endsWith("___jb_tmp___") || name.endsWith("___jb_old___");
    }

    private void registerTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path folder : walk.filter(Files::isDirectory).toList()) {
                folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
    }
}
