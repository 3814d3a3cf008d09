package jp.nexehrs.changelog;

/**
 * Every kind of change the change log reports, each with whether it breaks implementers and the rule that says
 * so: the one place these rules are written (the CLI and the site's change-log pages show them from here).
 *
 * <p>The principle: a change is <b>breaking</b> when a system or an instance that conformed to the older
 * version may no longer conform to the newer one (a sender whose resources no longer validate, a receiver that
 * must now handle something it could ignore). Loosening is not breaking. Guideline text is not machine-checked:
 * its changes are listed for review, not classified as breaking.
 */
public enum ChangeKind {
    PROFILE_ADDED(false, "プロファイルの追加", "a new profile: nothing that conformed before is affected"),
    PROFILE_REMOVED(true, "プロファイルの削除", "a removed profile: instances claiming it no longer have it to conform to"),
    ELEMENT_ADDED(false, "要素(スライス)の追加", "a new element or slice in the snapshot: existing instances stay valid unless other rules apply"),
    ELEMENT_REMOVED(true, "要素(スライス)の削除", "a removed element or slice: instances that carry it may no longer validate"),
    MIN_RAISED(true, "下限の引き上げ", "min raised: breaking for senders, which must now always send the element"),
    MIN_LOWERED(false, "下限の引き下げ", "min lowered: loosening, what was valid stays valid"),
    MAX_LOWERED(true, "上限の引き下げ", "max lowered: breaking for senders, repetitions that were allowed are now invalid"),
    MAX_RAISED(false, "上限の引き上げ", "max raised: loosening, what was valid stays valid"),
    TYPE_ADDED(false, "型の追加", "type (or target profile) added: loosening, what was valid stays valid"),
    TYPE_REMOVED(true, "型の削除", "type (or target profile) removed: breaking, instances using it no longer validate"),
    BINDING_STRENGTH_RAISED(true, "バインディング強度の引き上げ", "binding strength raised (example < preferred < extensible < required): breaking, codes that were allowed may now be rejected"),
    BINDING_STRENGTH_LOWERED(false, "バインディング強度の引き下げ", "binding strength lowered: loosening"),
    BINDING_VALUE_SET_CHANGED(true, "値セットの変更", "value set changed under an extensible or required binding: breaking, codes valid before may not be now"),
    BINDING_VALUE_SET_CHANGED_WEAK(false, "値セットの変更 (弱いバインディング)", "value set changed under an example or preferred binding: not breaking, it only advises"),
    MUST_SUPPORT_ADDED(true, "Must Support の追加", "must-support added: breaking for receivers, which must now support the element"),
    MUST_SUPPORT_REMOVED(false, "Must Support の削除", "must-support removed: loosening"),
    FIXED_OR_PATTERN_ADDED(true, "固定値・パターンの追加", "fixed or pattern value added: breaking, other values are now invalid"),
    FIXED_OR_PATTERN_CHANGED(true, "固定値・パターンの変更", "fixed or pattern value changed: breaking, the old value is now invalid"),
    FIXED_OR_PATTERN_REMOVED(false, "固定値・パターンの削除", "fixed or pattern value removed: loosening"),
    CONSTRAINT_ADDED(true, "制約の追加", "constraint (invariant) added: breaking, instances may now fail it"),
    CONSTRAINT_CHANGED(true, "制約の変更", "constraint expression changed: breaking, instances may now fail it"),
    CONSTRAINT_REMOVED(false, "制約の削除", "constraint removed: loosening"),
    DOCUMENT_ADDED(false, "文書の追加", "guideline text: for review, not machine-checked"),
    DOCUMENT_REMOVED(false, "文書の削除", "guideline text: for review, not machine-checked"),
    SECTION_ADDED(false, "節の追加", "guideline text: for review, not machine-checked"),
    SECTION_REMOVED(false, "節の削除", "guideline text: for review, not machine-checked"),
    SECTION_CHANGED(false, "節の変更", "guideline text: for review, not machine-checked");

    private final boolean breaking;
    private final String label;
    private final String rule;

    ChangeKind(boolean breaking, String label, String rule) {
        this.breaking = breaking;
        this.label = label;
        this.rule = rule;
    }

    public boolean breaking() {
        return breaking;
    }

    /** What the change is, in Japanese, for the site. */
    public String label() {
        return label;
    }

    /** Why it is or is not breaking. */
    public String rule() {
        return rule;
    }
}
