package jp.nexehrs.util;

import java.nio.file.Path;

/** The folder nexehrs keeps its per-user caches in: {@code $XDG_CACHE_HOME/nexehrs}, else {@code ~/.cache/nexehrs} ({@code ~} as {@link UserHome#folder()}). */
public final class UserCache {
    private UserCache() {
    }

    public static Path folder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : UserHome.folder().resolve(".cache");
        return root.resolve("nexehrs");
    }
}
