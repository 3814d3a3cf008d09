package jp.nexehrs.pipeline;

/**
 * What a run produces: the site, the package, or neither (validation only); and whether it is written to build/
 * ({@link #PREVIEW} keeps everything in memory, for {@code nexehrs serve}).
 */
public enum Goal {
    BUILD(true, true, true), PACKAGE(false, true, true), VALIDATE(false, false, false), PREVIEW(true, true, false);

    private final boolean site;
    private final boolean packageArchive;
    private final boolean published;

    Goal(boolean site, boolean packageArchive, boolean published) {
        this.site = site;
        this.packageArchive = packageArchive;
        this.published = published;
    }

    public boolean published() {
        return published;
    }

    public boolean site() {
        return site;
    }

    public boolean packageArchive() {
        return packageArchive;
    }
}
