package jp.nexehrs.util;

/** A count with its noun in the right number, for messages: "1 file", "3 files". */
public final class Plural {
    private Plural() {
    }

    /** {@code count} and {@code one} or {@code many}, e.g. {@code of(2, "miss", "misses")} is "2 misses". */
    public static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }

    /** {@code count} and {@code noun}, with an "s" unless the count is one: "1 file", "0 files". */
    public static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }
}
