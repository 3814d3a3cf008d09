package jp.nexehrs.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.nexehrs.check.Checked;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.pipeline.Goal;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.report.Severity;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The editors' loop: builds the site once, serves it from memory, and rebuilds it whenever a source changes, with
 * the same toolkit (the FHIR engine and Asciidoctor stay warm) and the build cache (only what changed is converted,
 * generated or validated again; every page is recomposed). After each rebuild the open tabs whose page changed reload.
 * A saved document's or profile's page is shown before that, made from the last build (see {@link #showSavedPages}).
 * A build that fails keeps the last site on screen under an overlay of its errors; nothing a source file contains can
 * stop the server.
 */
public final class PreviewSession implements AutoCloseable {
    /** Where the session reports: one line per rebuild and each error, for the terminal. */
    @FunctionalInterface
    public interface Terminal {
        void say(String line);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Toolkit toolkit;
    private final Path root;
    private final Terminal terminal;
    private final AtomicReference<SiteState> state = new AtomicReference<>(
            new SiteState(0, Map.of(), List.of(), "the first build has not finished"));
    private SiteServer server;
    private ProjectWatcher watcher;
    private Thread watching;
    /**
     * What the last good rebuild checked, from which saved pages are shown before the next one; null while a rebuild
     * runs, and after a failed one.
     */
    private Checked lastChecked;
    /** Set by the watcher before it waits for the session's lock, so that the warm-up gives way. */
    private volatile boolean saveWaiting;

    public PreviewSession(Toolkit toolkit, Path projectRoot, Terminal terminal) {
        this.toolkit = toolkit;
        this.root = projectRoot;
        this.terminal = terminal;
    }

    /**
     * Builds the site, then serves it on {@code host:port} (0: any free port) and watches the sources.
     *
     * @return the address the server listens on
     */
    public InetSocketAddress start(String host, int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) throw new UnknownHostException("unknown host '" + host + "'");
        // Bound before the first build, so a port in use is reported at once, not after the build.
        server = new SiteServer(address, state);
        rebuild();
        watcher = new ProjectWatcher(root);
        server.start();
        Thread warmUp = new Thread(this::warmUp, "nexehrs-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        watching = new Thread(this::watch, "nexehrs-watch");
        watching.setDaemon(true);
        watching.start();
        return server.address();
    }

    /**
     * A first build that found every document in the cache never started Asciidoctor: start and exercise it while the
     * editor reads, so that the first saved document pays neither JRuby's start of several seconds nor its slow first
     * conversions. Under the session's lock, as a save is, since two first conversions at once on a fresh runtime can
     * fail (see {@code Converter}); it stops at the next document once a save is waiting.
     */
    private synchronized void warmUp() {
        try {
            if (lastChecked != null) new Pipeline(toolkit, Progress.SILENT).warmUpDocuments(lastChecked, () -> !saveWaiting);
            else toolkit.documents();
        } catch (RuntimeException | LinkageError e) {
            // These documents converted in the last build: a failure now is the toolchain's, and the next save meets it too.
            terminal.say("could not warm up the document converter (" + describe(e) + ")");
        }
    }

    /** The project's source folders and configuration files that a save in is picked up from, e.g. {@code spec/}. */
    public List<String> watchedSources() {
        return ProjectWatcher.watchedIn(root);
    }

    /** Watches until closed; says so when it stops for any other reason, so a dead watcher is never silent. */
    private void watch() {
        try {
            watcher.run(this::onChange);
        } catch (Throwable e) {
            terminal.say("error: stopped watching the sources (" + describe(e) + "): restart nexehrs serve");
            throw e;
        }
    }

    private void onChange(Set<String> changed) {
        try {
            terminal.say("changed: " + String.join(", ", changed));
            saveWaiting = true;
            showSavedPages(changed);
            rebuild();
        } catch (Throwable e) {
            // Whatever went wrong with this rebuild, the next save must still be picked up.
            terminal.say("error: the rebuild failed (" + describe(e) + "); still watching: save again to retry");
        }
    }

    /** A failure in the user's words: no class names, and what to do when memory ran out. */
    private static String describe(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "the build ran out of memory (Java heap of " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB): make the input that grew smaller, or give more with NEXEHRS_JAVA_OPTS=-Xmx...";
        }
        if (e instanceof StackOverflowError) return "the input is nested too deeply to build";
        return e.getMessage() == null || e.getMessage().isBlank() ? "an internal error; run with --verbose for details" : e.getMessage();
    }

    /**
     * When only documents, or only conformance resources, were saved, shows their pages at once, made from the last
     * build without checking again ({@link Pipeline#previewSavedPages}); the full rebuild follows and reloads whatever
     * else changed. Anything this cannot show (other files, an error in a saved file, no good build yet) waits for the
     * full rebuild, which reports it.
     */
    private synchronized void showSavedPages(Set<String> changed) {
        saveWaiting = false;
        if (lastChecked == null) return;
        long start = System.nanoTime();
        Optional<List<SiteFile>> pages;
        try {
            pages = new Pipeline(toolkit, Progress.SILENT).previewSavedPages(lastChecked, changed);
        } catch (NexehrsException e) {
            return; // the full rebuild meets the same problem and reports it
        } catch (RuntimeException | Error e) {
            // Memory running out included: the full rebuild still runs, and says what it meets.
            terminal.say("could not show the saved page at once (" + describe(e) + "); rebuilding");
            return;
        }
        if (pages.isEmpty()) return;
        SiteState before = state.get();
        Map<String, byte[]> files = new HashMap<>(before.files());
        pages.get().forEach(page -> files.put(page.path(), page.content()));
        SiteState after = new SiteState(before.generation() + 1, files, before.errors(), before.failure());
        Set<String> changedPages = changedPages(before.files(), after.files());
        state.set(after);
        List<String> shownPages = changedPages.stream().filter(path -> path.endsWith(".html")).toList();
        terminal.say("showed " + (shownPages.isEmpty() ? "no changed page" : String.join(", ", shownPages)) + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; rebuilding the rest");
        server.events().publish("reload", reloadEvent(after.generation(), changedPages, false));
    }

    /** Runs the pipeline once and shows the result; never throws for anything a source file contains. */
    private synchronized void rebuild() {
        long start = System.nanoTime();
        // Let the last build's content go while this one runs: a rebuild needs no more memory than it did before.
        lastChecked = null;
        SiteState before = state.get();
        SiteState after;
        String summary = "";
        try {
            Outcome outcome = new Pipeline(toolkit, Progress.SILENT).run(root, Goal.PREVIEW);
            Map<String, byte[]> files = new HashMap<>();
            outcome.products().siteFiles().forEach(file -> files.put(file.path(), file.content()));
            List<Finding> errors = outcome.findings().stream().filter(Finding::isError).toList();
            after = new SiteState(before.generation() + 1, files, errors, "");
            lastChecked = outcome.checked();
            long warnings = outcome.findings().stream().filter(f -> f.severity() == Severity.WARNING).count();
            errors.forEach(e -> terminal.say(e.toLine()));
            summary = errors.size() + " error(s), " + warnings + " warning(s); " + stages(outcome.timings().millis()) + "; "
                    + outcome.cache().summary();
        } catch (NexehrsException e) {
            after = failed(before, e.toLine());
        } catch (RuntimeException | Error e) {
            // A broken template, memory running out, or a failure of the toolchain itself: shown, and the server goes on.
            after = failed(before, describe(e));
        }
        if (!after.failure().isEmpty()) terminal.say("error: " + after.failure());
        Set<String> pages = changedPages(before.files(), after.files());
        boolean problemsChanged = !before.errors().equals(after.errors()) || !before.failure().equals(after.failure());
        state.set(after);
        long millis = (System.nanoTime() - start) / 1_000_000;
        server.events().publish("reload", reloadEvent(after.generation(), pages, problemsChanged));
        terminal.say((before.generation() == 0 ? "built" : "rebuilt") + " in " + millis + " ms: "
                + (after.failure().isEmpty() ? summary : "the last good site stays on screen") + "; "
                + pages.size() + " page(s) changed");
    }

    /** e.g. {@code load 210 ms, convert 95 ms, ...}: where a rebuild's time went. */
    private static String stages(Map<String, Long> millis) {
        StringBuilder out = new StringBuilder();
        for (String stage : List.of("load", "convert", "check", "compose", "produce")) {
            if (millis.containsKey(stage)) out.append(out.length() == 0 ? "" : ", ").append(stage).append(' ').append(millis.get(stage)).append(" ms");
        }
        return out.toString();
    }

    private static SiteState failed(SiteState before, String failure) {
        Map<String, byte[]> files = before.files().isEmpty() ? Map.of("index.html", placeholder()) : before.files();
        return new SiteState(before.generation() + 1, files, before.errors(), failure);
    }

    /** The page shown when no build has composed a site yet, so the overlay has somewhere to appear. */
    private static byte[] placeholder() {
        return ("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\"><title>nexehrs serve</title></head>"
                + "<body><p>No site has been built yet: fix the error shown above and save.</p></body></html>\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> changedPages(Map<String, byte[]> before, Map<String, byte[]> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((path, content) -> {
            if (!Arrays.equals(content, before.get(path))) changed.add(path);
        });
        before.keySet().stream().filter(p -> !after.containsKey(p)).forEach(changed::add);
        return changed;
    }

    /** {@code {"generation": n, "all": whether every tab must reload (the problems changed), "changed": [page paths]}} */
    private static String reloadEvent(long generation, Set<String> pages, boolean all) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("generation", generation);
        event.put("all", all);
        event.put("changed", pages);
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the reload event", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) watcher.close();
        if (server != null) server.close();
        if (watching != null) {
            try {
                watching.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
