package jp.nexehrs.governance;

/**
 * Whether a member is a corporation or body (法人・団体), which may register at most
 * {@link #MAX_CORPORATE_PARTICIPANTS} people per committee or WG, or an individual (個人).
 */
public enum MemberKind implements YamlEnum {
    CORPORATE("corporate", "法人・団体"),
    INDIVIDUAL("individual", "個人");

    /** Policy 4 (1): 法人・団体の場合は３名まで. */
    public static final int MAX_CORPORATE_PARTICIPANTS = 3;

    private final String yamlName;
    private final String japanese;

    MemberKind(String yamlName, String japanese) {
        this.yamlName = yamlName;
        this.japanese = japanese;
    }

    @Override public String yamlName() { return yamlName; }
    @Override public String japanese() { return japanese; }
}
