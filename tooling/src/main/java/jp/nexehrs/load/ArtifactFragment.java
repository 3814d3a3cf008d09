package jp.nexehrs.load;

/**
 * A Markdown fragment the IG Publisher places on an artifact's page: {@code input/intro-notes/<Type>-<id>-intro.md}
 * above the artifact's views, {@code -notes.md} below them (also from {@code input/pagecontent/}). Its
 * {@code source.pagePath()} is the artifact's page, so its links resolve from there.
 */
public record ArtifactFragment(String resourceType, String id, Placement placement, DocumentSource source) {
    public enum Placement {
        /** Above the artifact's views. */
        INTRO,
        /** Below them. */
        NOTES
    }

    /** The artifact's key, as {@link FhirSource#key()}. */
    public String key() {
        return resourceType + "-" + id;
    }
}
