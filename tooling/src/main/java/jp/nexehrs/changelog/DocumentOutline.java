package jp.nexehrs.changelog;

import java.util.List;

/** A guideline document reduced to what the change log compares: its sections, each with a hash of its content. */
public record DocumentOutline(String id, String title, List<Section> sections) {
    public DocumentOutline {
        sections = List.copyOf(sections);
    }

    /** One section: its id (anchor), title, and the SHA-256 of its converted HTML up to the next heading. */
    public record Section(String id, String title, String contentHash) {}
}
