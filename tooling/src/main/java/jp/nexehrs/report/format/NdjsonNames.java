package jp.nexehrs.report.format;

import java.util.Locale;

/** Which file names are NDJSON, where each line is a resource of its own. */
public final class NdjsonNames {
    private NdjsonNames() {
    }

    public static boolean isNdjson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".ndjson") || lower.endsWith(".ndjson.gz");
    }
}
