package jp.nexehrs.governance;

/** How a public comment (パブリックコメント) was dealt with. */
public enum Disposition implements YamlEnum {
    ACCEPTED("accepted", "採用"),
    PARTIALLY_ACCEPTED("partially-accepted", "一部採用"),
    REJECTED("rejected", "不採用"),
    NOTED("noted", "参考意見"),
    DEFERRED("deferred", "次版で検討");

    private final String yamlName;
    private final String japanese;

    Disposition(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }
}
