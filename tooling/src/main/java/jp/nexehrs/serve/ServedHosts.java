package jp.nexehrs.serve;

import java.util.Locale;
import java.util.Set;

/**
 * The names a request may give in its {@code Host} header: this machine's loopback names and the {@code --host}
 * the server was started with, each with the server's port. Anything else (a rebinding domain that resolves to
 * 127.0.0.1, say) is another site asking, and gets no page.
 */
final class ServedHosts {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private ServedHosts() {
    }

    static boolean allows(String hostHeader, String givenHost, int port) {
        if (hostHeader == null) return false;
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        String suffix = ":" + port;
        if (!host.endsWith(suffix)) return false;
        String name = host.substring(0, host.length() - suffix.length());
        return LOOPBACK.contains(name) || name.equals(asHostName(givenHost));
    }

    /** An IPv6 literal is written in brackets in a Host header. */
    private static String asHostName(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    }
}
