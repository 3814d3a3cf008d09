package jp.nexehrs.governance;

/** A committee (部会) decides final drafts; a working group (WG) sits under one committee and prepares them. */
public enum BodyKind implements YamlEnum {
    COMMITTEE("committee", "部会"),
    WORKING_GROUP("wg", "WG");

    private final String yamlName;
    private final String japanese;

    BodyKind(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }
}
