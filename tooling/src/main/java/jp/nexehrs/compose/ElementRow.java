package jp.nexehrs.compose;

import java.util.List;

/** One row of a profile's element table, ready for the template. */
public record ElementRow(String id, String path, String name, int depth, String flags, String cardinality,
                         List<TypeLink> types, String binding, String bindingHref, String shortText, String fixedValue) {

    /** A type with the page that describes it. */
    public record TypeLink(String label, String href) {}
}
