package jp.nexehrs.governance;

/** A vote on a ballot. An abstention is not a yes. */
public enum VoteChoice implements YamlEnum {
    YES("yes", "賛成"),
    NO("no", "反対"),
    ABSTAIN("abstain", "棄権");

    private final String yamlName;
    private final String japanese;

    VoteChoice(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }
}
