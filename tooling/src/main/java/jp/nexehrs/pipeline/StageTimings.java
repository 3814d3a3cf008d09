package jp.nexehrs.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time of each stage and the peak heap of the run, for --timings and the benchmarks. */
public final class StageTimings {
    private final Map<String, Long> millis = new LinkedHashMap<>();
    /** Parts of a stage worth seeing on their own (SUSHI within convert), shown under it and not added to the total. */
    private final Map<String, Map<String, Long>> parts = new LinkedHashMap<>();

    /** One stage's work; it may throw the stage's own checked exception. */
    @FunctionalInterface
    interface Stage<T, E extends Exception> {
        T run() throws E;
    }

    <T, E extends Exception> T time(String stage, Stage<T, E> work) throws E {
        long start = System.nanoTime();
        try {
            return work.run();
        } finally {
            millis.merge(stage, (System.nanoTime() - start) / 1_000_000, Long::sum);
        }
    }

    /** Records that {@code part} took {@code partMillis} of {@code stage}'s time; nothing when it took none. */
    void part(String stage, String part, long partMillis) {
        if (partMillis > 0) parts.computeIfAbsent(stage, s -> new LinkedHashMap<>()).merge(part, partMillis, Long::sum);
    }

    /** The parts recorded of {@code stage}, by name. */
    public Map<String, Long> parts(String stage) {
        return Map.copyOf(parts.getOrDefault(stage, Map.of()));
    }

    public Map<String, Long> millis() {
        return Map.copyOf(millis);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        long total = 0;
        for (var stage : millis.entrySet()) {
            out.append(String.format("  %-10s %7d ms%n", stage.getKey(), stage.getValue()));
            for (var part : parts.getOrDefault(stage.getKey(), Map.of()).entrySet()) {
                out.append(String.format("    %-8s %7d ms (of %s)%n", part.getKey(), part.getValue(), stage.getKey()));
            }
            total += stage.getValue();
        }
        out.append(String.format("  %-10s %7d ms%n", "total", total));
        out.append(String.format("  %-10s %7d MB%n", "peak heap", peakHeapBytes() / (1024 * 1024)));
        return out.toString();
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap the run needed. */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
