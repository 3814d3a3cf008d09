package jp.nexehrs.validation;

/**
 * This run's share of the resources when N machines split one validation ({@code --shard K/N}): the resources are
 * counted from 0 across all inputs in the order they are read (the paths as given, files under a folder sorted by
 * name, an NDJSON file line by line, blank lines not counted), and resource number {@code i} belongs to shard
 * {@code i mod N + 1}. Every shard reads the same inputs, so the shares are disjoint, cover everything, and do not
 * depend on the machine or the number of threads.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** {@code K/N}, e.g. {@code 2/4}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,6}") || !parts[1].matches("\\d{1,6}")) {
            throw new IllegalArgumentException("'" + text + "' is not a shard: write K/N, e.g. 2/4 for the second of four");
        }
        return new Shard(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    public boolean takes(long ordinal) {
        return ordinal % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
