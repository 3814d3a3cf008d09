package jp.nexehrs.governance;

/**
 * What "two thirds" is two thirds of.
 * <ul>
 * <li>{@link #REGISTERED_FULL_MEMBERS}: every full member organisation registered in the deciding committee,
 *     one per organisation; a missing vote or an abstention counts against (the policy's reading, the default).</li>
 * <li>{@link #VOTES_CAST}: the valid votes cast (yes + no + abstain); an abstention still counts against.</li>
 * </ul>
 */
public enum DenominatorRule implements YamlEnum {
    REGISTERED_FULL_MEMBERS("registered-full-members", "部会登録正会員数"),
    VOTES_CAST("votes-cast", "有効投票数");

    private final String yamlName;
    private final String japanese;

    DenominatorRule(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }

    /** English description for reports. */
    public String english() {
        return this == REGISTERED_FULL_MEMBERS ? "full members registered in the committee" : "valid votes cast";
    }
}
