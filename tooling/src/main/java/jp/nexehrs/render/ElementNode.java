package jp.nexehrs.render;

import java.util.List;

/**
 * One row of an element tree: an element of a profile's snapshot, placed under its parent (a slice under the
 * element it slices), with what a reader needs to know about it.
 *
 * @param parentId  the id of the row it sits under, empty for the root
 * @param context   shown only because a selected descendant needs it (not itself selected by the view)
 * @param types     each type with its link; a Reference or canonical lists its target profiles
 * @param slicing   the slicing of this element in words, empty when it is not sliced
 * @param binding   the binding, or null
 * @param fixed     {@code fixed: ...} or {@code pattern: ...}, empty when neither
 */
public record ElementNode(String id, String name, String parentId, int depth, boolean hasChildren, boolean context,
                          String sliceName, Flags flags, String cardinality, List<TypeRef> types, String shortText,
                          String definition, String slicing, Binding binding, String fixed) {

    public ElementNode {
        types = List.copyOf(types);
    }

    /** Modifier (?!), summary (Σ), must support (S), constrained by invariants beyond the universal ele-1 (I). */
    public record Flags(boolean modifier, boolean summary, boolean mustSupport, boolean constrained) {}

    /** A type: its code (or profile) and link, with the target profiles of a Reference or canonical. */
    public record TypeRef(ArtifactLinks.Link type, List<ArtifactLinks.Link> targets) {
        public TypeRef {
            targets = List.copyOf(targets);
        }
    }

    /** A terminology binding: strength and the value set's link. */
    public record Binding(String strength, String valueSet, ArtifactLinks.Link link) {}
}
