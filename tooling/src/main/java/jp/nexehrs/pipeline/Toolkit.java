package jp.nexehrs.pipeline;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.ToolchainFingerprint;
import jp.nexehrs.compose.Templates;
import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.node.NodeTools;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.produce.Producer;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The expensive objects of one run, built once on first use and shared by every stage and thread: the
 * {@link Engines} (the FHIR engine and the Asciidoctor-backed document converter, whose Ruby runtime takes seconds to
 * start, so commands that convert no documents, or find every document in the build cache, never start it), the
 * build caches and the parsed templates. The toolkit owns its engines unless it was lent them.
 */
public final class Toolkit implements AutoCloseable {
    private final int threads;
    private final long epochSeconds;
    private final Caching caching;
    private final Optional<ProjectConfig.MissingDependencies> missingDependencies;
    private final Engines engines;
    /** Whether closing this toolkit closes the engines: not when they were lent to it. */
    private final boolean ownsEngines;
    private final Templates templates = new Templates();
    /** One cache per build folder: a diff or a multi-version build builds releases and the working tree in folders of their own. */
    private final Map<Path, BuildCache> caches = new HashMap<>();
    private String fingerprint;

    /** Whether results are kept in {@code build/.cache}, and the toolchain version that is part of every key. */
    public record Caching(boolean enabled, String toolchainVersion) {
        public static final Caching OFF = new Caching(false, "");
    }

    /**
     * A toolkit without a build cache: everything is converted and validated afresh. It belongs to no project:
     * each document carries its own project's root, so one converter serves every version of a multi-version build.
     */
    public Toolkit(int threads, long epochSeconds) {
        this(threads, epochSeconds, Caching.OFF);
    }

    /**
     * A toolkit for a command run: package entries stamped with SOURCE_DATE_EPOCH when it is set, else a constant; the
     * engines {@code lent} when the command line lends some (see {@link #Toolkit(int, long, Caching, Optional, Engines)}),
     * else its own.
     */
    public static Toolkit fromEnvironment(int threads, Caching caching, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                                          Optional<Engines> lent) {
        long epochSeconds = epochSecondsFromEnvironment();
        return lent.map(engines -> new Toolkit(threads, epochSeconds, caching, missingDependencies, engines))
                .orElseGet(() -> new Toolkit(threads, epochSeconds, caching, missingDependencies));
    }

    private static long epochSecondsFromEnvironment() {
        return Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH")).filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).orElse(Producer.DEFAULT_EPOCH_SECONDS);
    }

    public Toolkit(int threads, long epochSeconds, Caching caching) {
        this(threads, epochSeconds, caching, Optional.empty());
    }

    /** @param missingDependencies the command line's choice for dependencies that are not on this machine, over the project's */
    public Toolkit(int threads, long epochSeconds, Caching caching, Optional<ProjectConfig.MissingDependencies> missingDependencies) {
        this(threads, epochSeconds, caching, missingDependencies, new Engines(), true);
    }

    /**
     * A toolkit that borrows {@code lent} and leaves it open when closed: one set of engines serves every run its
     * lender makes, so that each run after the first finds Ruby started and warm.
     */
    public Toolkit(int threads, long epochSeconds, Caching caching, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                   Engines lent) {
        this(threads, epochSeconds, caching, missingDependencies, lent, false);
    }

    private Toolkit(int threads, long epochSeconds, Caching caching, Optional<ProjectConfig.MissingDependencies> missingDependencies,
                    Engines engines, boolean ownsEngines) {
        this.threads = threads;
        this.epochSeconds = epochSeconds;
        this.caching = caching;
        this.missingDependencies = missingDependencies;
        this.engines = engines;
        this.ownsEngines = ownsEngines;
    }

    /** A loader of projects as this run's options ask. */
    public ProjectLoader projectLoader() {
        return projectLoader(false);
    }

    /** @param draft whether the project's version gets the draft label (see {@link ProjectConfig#asDraft()}) */
    public ProjectLoader projectLoader(boolean draft) {
        return new ProjectLoader(fhir(), List.of(), missingDependencies, PagePaths.DEFAULT, draft, threads);
    }

    public FhirEngine fhir() {
        return engines.fhir();
    }

    public DocumentConverter documents() {
        return engines.documents();
    }

    /** The site's templates as parsed so far: a preview composes again with them on every save. */
    public Templates templates() {
        return templates;
    }

    /**
     * The build cache in {@code buildDir} ({@code .cache}), opened on first use; disabled unless caching is on. Each
     * build folder has its own, so that the next run building into that folder finds what this one kept.
     */
    public synchronized BuildCache cache(Path buildDir) {
        return caches.computeIfAbsent(buildDir.toAbsolutePath().normalize(), dir -> caching.enabled()
                ? BuildCache.at(dir.resolve(BuildCache.FOLDER), fingerprint())
                : BuildCache.disabled());
    }

    /** Whether results are kept in the build folder's cache (not with --no-cache). */
    public boolean cachingEnabled() {
        return caching.enabled();
    }

    /** The command line's choice for dependencies not on this machine, when it made one. */
    public Optional<ProjectConfig.MissingDependencies> missingDependencies() {
        return missingDependencies;
    }

    /** The toolchain's fingerprint: its version and the content of its code. */
    public String toolchain() {
        return fingerprint();
    }

    /** Reads the whole jar's directory: once per run. */
    private synchronized String fingerprint() {
        if (fingerprint == null) fingerprint = ToolchainFingerprint.of(caching.toolchainVersion());
        return fingerprint;
    }

    /** The pinned Node tools (SUSHI), installed on first use into the user's cache. */
    public NodeTools nodeTools() {
        return NodeTools.inUserCache();
    }

    public int threads() {
        return threads;
    }

    public long epochSeconds() {
        return epochSeconds;
    }

    @Override
    public void close() {
        if (ownsEngines) engines.close();
    }
}
