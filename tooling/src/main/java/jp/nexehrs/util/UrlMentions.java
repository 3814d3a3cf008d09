package jp.nexehrs.util;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The http(s) URLs a resource's text mentions, each without its {@code |version} or {@code #fragment}: in one pass,
 * so that finding which of N canonical resources a text names costs the text's length, not N searches of it (the
 * searches dominated the check stage of large guides: figures in tooling/BENCHMARKS.md).
 */
public final class UrlMentions {
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"'<>|#\\\\,)\\]}]+");

    private UrlMentions() {
    }

    /** The URLs in {@code text}, in the order they first appear; a trailing full stop or colon is not part of one. */
    public static Set<String> in(String text) {
        Set<String> urls = new LinkedHashSet<>();
        Matcher matcher = URL.matcher(text);
        while (matcher.find()) {
            String url = matcher.group();
            int end = url.length();
            while (end > 0 && (url.charAt(end - 1) == '.' || url.charAt(end - 1) == ':' || url.charAt(end - 1) == ';')) end--;
            urls.add(url.substring(0, end));
        }
        return urls;
    }
}
