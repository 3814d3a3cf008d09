package jp.nexehrs.cli;

import jp.nexehrs.pipeline.Toolkit;

/** The build cache setting of the commands that offer {@code --no-cache}. */
final class Caching {
    private Caching() {
    }

    static Toolkit.Caching of(boolean noCache) {
        return noCache ? Toolkit.Caching.OFF : new Toolkit.Caching(true, VersionProvider.version());
    }
}
