package jp.nexehrs.governance;

/** Membership class (会員種別). Only full members (正会員) hold a vote on a final draft (policy 4 (1)). */
public enum MemberClass implements YamlEnum {
    FULL("full", "正会員"),
    SUPPORTING("supporting", "賛助会員"),
    ACADEMIC("academic", "学術会員"),
    OBSERVER("observer", "オブザーバー");

    private final String yamlName;
    private final String japanese;

    MemberClass(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }
}
