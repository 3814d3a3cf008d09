package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.ConformanceSupport.SnapshotSession;
import jp.nexehrs.util.Parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Generates the snapshots of profiles that need nothing of each other (one level of {@link ProfileNeeds#levels}) on
 * a few threads: the profiles are split into one run of consecutive profiles per thread, and each run has a
 * snapshot session of its own. The results come back in the profiles' order, whatever the threads.
 */
final class ConcurrentSnapshots {
    private final ConformanceSupport support;
    private final int threads;
    private final Parallel parallel;

    ConcurrentSnapshots(ConformanceSupport support, int threads) {
        this.support = support;
        this.threads = Math.max(1, threads);
        this.parallel = new Parallel(this.threads);
    }

    <T, R> List<R> generate(List<T> profiles, BiFunction<T, SnapshotSession, R> generation) {
        int runLength = Math.max(1, (profiles.size() + threads - 1) / threads);
        List<List<T>> runs = new ArrayList<>();
        for (int start = 0; start < profiles.size(); start += runLength) {
            runs.add(profiles.subList(start, Math.min(profiles.size(), start + runLength)));
        }
        List<R> results = new ArrayList<>(profiles.size());
        for (List<R> run : parallel.map(runs, run -> {
            SnapshotSession session = support.snapshotSession();
            return run.stream().map(profile -> generation.apply(profile, session)).toList();
        })) {
            results.addAll(run);
        }
        return results;
    }
}
