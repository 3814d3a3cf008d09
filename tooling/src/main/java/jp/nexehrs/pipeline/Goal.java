package jp.nexehrs.pipeline;

/** What a run produces: the site, the package, or neither (validation only). */
public enum Goal {
    BUILD(true, true), PACKAGE(false, true), VALIDATE(false, false);

    private final boolean site;
    private final boolean packageArchive;

    Goal(boolean site, boolean packageArchive) {
        this.site = site;
        this.packageArchive = packageArchive;
    }

    public boolean site() {
        return site;
    }

    public boolean packageArchive() {
        return packageArchive;
    }
}
