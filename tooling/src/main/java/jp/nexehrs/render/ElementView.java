package jp.nexehrs.render;

import java.util.Arrays;
import java.util.Optional;

/** The views of a profile's elements, as named on the site and in the {@code fhir-table::} macro. */
public enum ElementView {
    DIFFERENTIAL("differential", "差分", "Differential"),
    SNAPSHOT("snapshot", "スナップショット", "Snapshot"),
    MUST_SUPPORT("must-support", "必須サポート", "Must Support"),
    KEY("key", "主要要素", "Key Elements");

    private final String code;
    private final String japanese;
    private final String english;

    ElementView(String code, String japanese, String english) {
        this.code = code;
        this.japanese = japanese;
        this.english = english;
    }

    public String code() {
        return code;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    public static Optional<ElementView> fromCode(String code) {
        return Arrays.stream(values()).filter(v -> v.code.equals(code)).findFirst();
    }

    /** The codes, for error messages: {@code differential, snapshot, must-support, key}. */
    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ElementView::code).toList());
    }
}
