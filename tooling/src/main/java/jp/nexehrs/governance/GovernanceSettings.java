package jp.nexehrs.governance;

/** Project-wide governance settings ({@code governance/settings.yaml}, optional). */
public record GovernanceSettings(DenominatorRule denominator, Origin origin) {
    public static final String FILE = "governance/settings.yaml";

    /** The policy's reading: two thirds of the registered full members. */
    public static GovernanceSettings defaults() {
        return new GovernanceSettings(DenominatorRule.REGISTERED_FULL_MEMBERS, new Origin(FILE, 0, 0));
    }
}
