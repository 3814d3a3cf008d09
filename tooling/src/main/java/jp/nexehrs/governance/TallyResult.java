package jp.nexehrs.governance;

import java.time.LocalDate;
import java.util.List;

/**
 * The count of one ballot and whether it passed. The pass rule is {@code 3 × yes ≥ 2 × denominator} in integer
 * arithmetic with a denominator above zero; an abstention or a missing vote is not a yes.
 *
 * @param committee       the deciding committee (部会), empty when the document's owner is unknown
 * @param electorate      the full member organisations registered in that committee
 * @param notVoted        electorate members with no counted vote
 * @param denominator     the number two thirds is taken of
 * @param denominatorRule which number that is
 * @param ruleFromBallot  true when the ballot file pins the rule, false when it comes from the settings
 * @param ruleSource      where the rule came from, for people: the ballot file, the settings file or the default
 * @param requiredYes     the fewest yes votes that pass: ⌈2 × denominator / 3⌉ (at least 1)
 * @param closed          whether the closing day has passed
 * @param passed          closed and the rule met; an open ballot has not passed yet
 * @param rejected        recorded votes that do not count, with reasons
 */
public record TallyResult(String ballotId, String ballotFile, String document, String version, LocalDate opens,
                          LocalDate closes, String committee, List<String> electorate, int yes, int no, int abstain,
                          int notVoted, int denominator, DenominatorRule denominatorRule, boolean ruleFromBallot,
                          String ruleSource,
                          int requiredYes, boolean closed, boolean passed, List<RejectedVote> rejected) {
    public TallyResult {
        electorate = List.copyOf(electorate);
        rejected = List.copyOf(rejected);
    }

    /** Whether the counted votes meet the rule now (for an open ballot: it would pass if it closed today). */
    public boolean ruleMet() {
        return meetsTwoThirds(yes, denominator);
    }

    /** The pass rule on its own: at least two thirds, exactly, with no electorate never passing. */
    public static boolean meetsTwoThirds(int yes, int denominator) {
        return denominator > 0 && 3L * yes >= 2L * denominator;
    }

    /** The fewest yes votes that meet the rule for a denominator. */
    public static int requiredYesFor(int denominator) {
        return Math.max(1, (2 * denominator + 2) / 3);
    }

    /** 可決 PASSED, 否決 FAILED or 投票中 OPEN. */
    public String outcome() {
        if (!closed) return "投票中 OPEN";
        return passed ? "可決 PASSED" : "否決 FAILED";
    }

    /** The rule as applied, e.g. "賛成 5 ≥ 2/3 × 6 (部会登録正会員数 full members registered in the committee)". */
    public String ruleText() {
        return "3 × 賛成 yes ≥ 2 × 分母 denominator: 3 × " + yes + " = " + (3L * yes) + (ruleMet() ? " ≥ " : " < ")
                + "2 × " + denominator + " = " + (2L * denominator) + "; 分母 denominator = " + denominatorRule.japanese()
                + " " + denominatorRule.english() + " (" + denominatorRule.yamlName() + ", "
                + ruleSource + ")";
    }

    /** The tally as the terminal shows it, in Japanese and English. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("投票 Ballot: ").append(ballotId).append(" (").append(ballotFile).append(")\n");
        sb.append("文書 Document: ").append(document).append("  版 version ").append(version).append('\n');
        sb.append("決定部会 Deciding committee: ").append(committee.isEmpty() ? "(不明 unknown owner)" : committee).append('\n');
        sb.append("期間 Period: ").append(opens).append(" – ").append(closes)
                .append(closed ? " (締切済 closed)" : " (受付中 open)").append('\n');
        sb.append("賛成 Yes: ").append(yes).append("  反対 No: ").append(no).append("  棄権 Abstain: ").append(abstain)
                .append("  未投票 Not voted: ").append(notVoted).append('\n');
        sb.append("有権者 Electorate: ").append(electorate.size()).append(" 正会員 full members")
                .append(electorate.isEmpty() ? "" : " (" + String.join(", ", electorate) + ")").append('\n');
        sb.append("分母 Denominator: ").append(denominator).append("  必要賛成数 Required yes: ").append(requiredYes).append('\n');
        sb.append("規則 Rule: ").append(ruleText()).append('\n');
        if (denominator == 0) sb.append("注 Note: 分母が0のため可決できません the denominator is 0, so the ballot cannot pass\n");
        if (!rejected.isEmpty()) {
            sb.append("無効票 Rejected votes: ").append(rejected.size()).append('\n');
            for (RejectedVote r : rejected) {
                sb.append("  - ").append(r.vote().origin().ref()).append(": ").append(r.message()).append('\n');
            }
        }
        sb.append("結果 Result: ").append(outcome());
        if (!closed) sb.append(ruleMet() ? " (現時点で可決水準 currently meets the rule)" : " (現時点で未達 does not meet the rule yet)");
        sb.append('\n');
        return sb.toString();
    }
}
