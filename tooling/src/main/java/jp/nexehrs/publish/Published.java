package jp.nexehrs.publish;

import java.nio.file.Path;
import java.util.List;

/** What the publish stage wrote. */
public record Published(List<Path> written) {
    /** A run that writes nothing (validation, a preview held in memory). */
    public static final Published NOTHING = new Published(List.of());

    public Published {
        written = List.copyOf(written);
    }
}
