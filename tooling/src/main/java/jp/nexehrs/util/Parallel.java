package jp.nexehrs.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Applies a function to every item on a few threads and returns the results in the items' order, so that a
 * parallel stage produces exactly what a sequential one would. A failure of any item is rethrown as it was.
 */
public final class Parallel {
    private final int threads;

    public Parallel(int threads) {
        this.threads = Math.max(1, threads);
    }

    public <T, R> List<R> map(List<T> items, Function<T, R> function) {
        if (threads == 1 || items.size() < 2) return items.stream().map(function).toList();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) futures.add(pool.submit(() -> function.apply(item)));
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> future : futures) results.add(Futures.result(future, "parallel work"));
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
