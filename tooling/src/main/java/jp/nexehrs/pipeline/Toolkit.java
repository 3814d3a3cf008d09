package jp.nexehrs.pipeline;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.cache.ToolchainFingerprint;
import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.fhir.FhirEngine;

import java.nio.file.Path;

/**
 * The expensive objects of one run, built once on first use and shared by every stage and thread: the FHIR
 * engine and the Asciidoctor-backed document converter (whose Ruby runtime takes seconds to start, so commands
 * that convert no documents, or find every document in the build cache, never start it), and the build cache.
 */
public final class Toolkit implements AutoCloseable {
    private final int threads;
    private final long epochSeconds;
    private final Caching caching;
    private FhirEngine fhir;
    private DocumentConverter documents;
    private BuildCache cache;

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

    public Toolkit(int threads, long epochSeconds, Caching caching) {
        this.threads = threads;
        this.epochSeconds = epochSeconds;
        this.caching = caching;
    }

    public synchronized FhirEngine fhir() {
        if (fhir == null) fhir = new FhirEngine();
        return fhir;
    }

    public synchronized DocumentConverter documents() {
        if (documents == null) documents = new DocumentConverter();
        return documents;
    }

    /** The build cache in {@code buildDir} ({@code .cache}), opened on first use; disabled unless caching is on. */
    public synchronized BuildCache cache(Path buildDir) {
        if (cache == null) {
            cache = caching.enabled()
                    ? BuildCache.at(buildDir.resolve(BuildCache.FOLDER), ToolchainFingerprint.of(caching.toolchainVersion()))
                    : BuildCache.disabled();
        }
        return cache;
    }

    public int threads() {
        return threads;
    }

    public long epochSeconds() {
        return epochSeconds;
    }

    @Override
    public synchronized void close() {
        if (documents != null) documents.close();
    }
}
