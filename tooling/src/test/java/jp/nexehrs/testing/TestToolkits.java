package jp.nexehrs.testing;

import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.pipeline.Engines;
import jp.nexehrs.pipeline.Toolkit;

import java.util.Optional;

/**
 * Toolkits for in-process builds that all borrow one set of {@link Engines} for the whole test JVM, as a long-lived
 * host would: Asciidoctor's Ruby runtime is started once, not once per build, and warms up as the suite goes (each
 * of the 92 fresh runtimes took about half a second to start and then converted its first documents slowly: the
 * suite took a third longer, tooling/BENCHMARKS.md). The engines hold no project's state, so what one build does
 * cannot change another's outcome.
 */
public final class TestToolkits {
    private TestToolkits() {
    }

    /** Made on first use (the holder idiom); never closed: it lives as long as the test JVM. */
    private static final class Holder {
        static final Engines ENGINES = new Engines();
    }

    /** The engines every in-process build of the suite borrows: the CLI's too ({@link TestProjects#runCli}). */
    public static Engines engines() {
        return Holder.ENGINES;
    }

    /** A toolkit without a build cache. */
    public static Toolkit of(int threads, long epochSeconds) {
        return of(threads, epochSeconds, Toolkit.Caching.OFF);
    }

    public static Toolkit of(int threads, long epochSeconds, Toolkit.Caching caching) {
        return of(threads, epochSeconds, caching, Optional.empty());
    }

    public static Toolkit of(int threads, long epochSeconds, Toolkit.Caching caching,
                             Optional<ProjectConfig.MissingDependencies> missingDependencies) {
        return new Toolkit(threads, epochSeconds, caching, missingDependencies, engines());
    }
}
