package jp.nexehrs.util;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on another thread, with its failure rethrown as it was thrown there. */
public final class Futures {
    private Futures() {
    }

    /**
     * The future's result, once done. A runtime exception or error of the work is rethrown as it was; a checked one
     * wrapped in an IllegalStateException.
     *
     * @param work what is waited for, for the message, e.g. {@code "parallel work"}
     */
    public static <T> T result(Future<T> future, String work) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + work, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException("failed: " + work, e.getCause());
        }
    }
}
