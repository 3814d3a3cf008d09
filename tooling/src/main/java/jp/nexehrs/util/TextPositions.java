package jp.nexehrs.util;

/** Finds where something is in a source text, for messages about files the parsers do not locate. */
public final class TextPositions {
    private TextPositions() {
    }

    /** The 1-based line of the first occurrence of {@code needle}, or 0 when absent. */
    public static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        if (at < 0) return 0;
        int line = 1;
        for (int i = 0; i < at; i++) if (text.charAt(i) == '\n') line++;
        return line;
    }
}
