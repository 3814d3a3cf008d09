package jp.nexehrs.util;

/** Finds where something is in a source text, for messages about files the parsers do not locate. */
public final class TextPositions {
    private TextPositions() {
    }

    /** The 1-based line of the first occurrence of {@code needle}, or 0 when absent. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : lineAt(text, at);
    }

    /** The 1-based line that holds the character at {@code offset}. */
    public static int lineAt(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    /**
     * The 1-based line of the last of {@code needles} found in order, each searched after the previous one (e.g.
     * {@code "differential"}, then an element's id, then a constraint key); a needle that is absent is skipped.
     * 0 when none is found.
     */
    public static int lineOfSequence(String text, String... needles) {
        int from = 0;
        int found = -1;
        for (String needle : needles) {
            int at = text.indexOf(needle, from);
            if (at < 0) continue;
            found = at;
            from = at + needle.length();
        }
        if (found < 0) return 0;
        int line = 1;
        for (int i = 0; i < found; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
