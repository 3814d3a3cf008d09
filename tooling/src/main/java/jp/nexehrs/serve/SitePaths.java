package jp.nexehrs.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a request's path into the path of a site file, refusing anything that could name a file outside the site
 * ({@code ..} segments, encoded or double-encoded, backslashes, NUL, control characters) and anything too long.
 * A folder serves its {@code index.html}; a folder asked for without its trailing slash is redirected, so the
 * page's relative links work. Nothing is ever listed.
 */
final class SitePaths {
    /** Longer request targets are refused with 414: no page of a site has a path anywhere near this long. */
    static final int MAX_TARGET_LENGTH = 2048;
    private static final Pattern STILL_ENCODED = Pattern.compile("%[0-9A-Fa-f]{2}");

    /** What to do with a request: serve {@code path}, redirect to {@code location}, or refuse with {@code status}. */
    sealed interface Resolution permits Serve, Redirect, Refuse {}

    record Serve(String path) implements Resolution {}

    record Redirect(String location) implements Resolution {}

    record Refuse(int status, String reason) implements Resolution {}

    private SitePaths() {
    }

    /**
     * @param rawTarget the request target as sent (path and query, still percent-encoded)
     * @param exists    whether the site has a file at a site path
     */
    static Resolution resolve(String rawTarget, Predicate<String> exists) {
        if (rawTarget == null || rawTarget.isEmpty()) return new Refuse(400, "empty request target");
        if (rawTarget.length() > MAX_TARGET_LENGTH) return new Refuse(414, "request target longer than " + MAX_TARGET_LENGTH);
        String rawPath = rawTarget;
        int query = rawPath.indexOf('?');
        if (query >= 0) rawPath = rawPath.substring(0, query);
        // "//x" would parse as a host name, not a path.
        if (!rawPath.startsWith("/") || rawPath.startsWith("//")) return new Refuse(400, "the path must start with a single /");
        String path;
        try {
            path = new URI(rawPath).getPath();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Refuse(400, "malformed path");
        }
        if (path == null) return new Refuse(400, "malformed path");
        // Once decoded there must be nothing left to decode: %252e%252e is a traversal meant for a second decoder.
        if (STILL_ENCODED.matcher(path).find()) return new Refuse(400, "double-encoded path");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) return new Refuse(400, "backslash or control character in the path");
        }
        String relative = path.substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) return new Refuse(400, "'.' or '..' in the path");
        }
        if (relative.contains("//")) return new Refuse(400, "empty segment in the path");
        if (relative.isEmpty() || relative.endsWith("/")) {
            String index = relative + "index.html";
            return exists.test(index) ? new Serve(index) : new Refuse(404, "not found");
        }
        if (exists.test(relative)) return new Serve(relative);
        if (exists.test(relative + "/index.html")) return new Redirect(rawPath + "/");
        return new Refuse(404, "not found");
    }
}
