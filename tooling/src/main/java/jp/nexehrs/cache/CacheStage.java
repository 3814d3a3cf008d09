package jp.nexehrs.cache;

/** The kinds of work the build cache remembers, each in its own folder of {@code build/.cache}. */
public enum CacheStage {
    /** A guideline document converted to HTML (with its header, headings and findings). */
    DOCUMENT("documents"),
    /** A StructureDefinition with its generated snapshot. */
    SNAPSHOT("snapshots"),
    /** What the validator said about one example. */
    VALIDATION("validations"),
    /** What SUSHI made of a project's FSH sources, and what it said. */
    FSH("fsh");

    private final String folder;

    CacheStage(String folder) {
        this.folder = folder;
    }

    public String folder() {
        return folder;
    }
}
