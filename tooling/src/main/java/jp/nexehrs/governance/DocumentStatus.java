package jp.nexehrs.governance;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a guideline document is in its lifecycle, as written in its {@code :nexehrs-status:} attribute.
 * See {@link DocumentLifecycle} for what each means and how one moves between them.
 */
public enum DocumentStatus implements YamlEnum {
    /** 草案: being written in its committee/WG; anything may change. */
    DRAFT("draft", "草案"),
    /** 合意: the participants of the owning body agree on the text (参加メンバー全員で合意). */
    CONSENSUS("consensus", "合意"),
    /** 投票中: the final draft (最終案) of this version is being voted on by full members. */
    BALLOT("ballot", "投票中"),
    /** 採択: a closed ballot on this version passed with two thirds of full members. */
    ADOPTED("adopted", "採択"),
    /** 取り下げ: no longer pursued; kept for the record. */
    WITHDRAWN("withdrawn", "取り下げ");

    private final String attribute;
    private final String japanese;

    DocumentStatus(String attribute, String japanese) {
        this.attribute = attribute;
        this.japanese = japanese;
    }

    /** The value written in {@code :nexehrs-status:}. */
    public String attribute() { return attribute; }

    @Override public String yamlName() { return attribute; }
    @Override public String japanese() { return japanese; }

    /** Badge text for the site and terminal, e.g. "合意 consensus". */
    public String badge() {
        return japanese + " " + attribute;
    }

    /** The status an attribute value names (trimmed, case-sensitive like every other attribute value). */
    public static Optional<DocumentStatus> fromAttribute(String value) {
        if (value == null) return Optional.empty();
        String v = value.strip();
        return Arrays.stream(values()).filter(s -> s.attribute.equals(v)).findFirst();
    }

    /** "draft (草案), consensus (合意), ..." for messages. */
    public static String allowedValues() {
        return YamlEnum.allowed(DocumentStatus.class);
    }
}
