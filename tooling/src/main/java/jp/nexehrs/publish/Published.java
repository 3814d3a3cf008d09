package jp.nexehrs.publish;

import java.nio.file.Path;
import java.util.List;

/** What the publish stage wrote. */
public record Published(List<Path> written) {
    public Published {
        written = List.copyOf(written);
    }
}
