package jp.nexehrs.changelog;

/**
 * One change between two versions.
 *
 * @param subject a profile's canonical URL, or a guideline document's id
 * @param path    the element id (e.g. {@code Patient.identifier:nationalId}), the section id, or "" for the whole subject
 * @param before  the old value, "" when there was none
 * @param after   the new value, "" when there is none
 */
public record Change(ChangeKind kind, String subject, String path, String before, String after) {
    public boolean breaking() {
        return kind.breaking();
    }
}
