package jp.nexehrs.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Counts ballots. "Today" decides whether a ballot is closed and comes from the clock (Japan time by default)
 * so tests and reproducible builds can fix it.
 */
public final class BallotTally {
    /** Ballot dates are days in Japan. */
    public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Clock clock;

    /** Counts against today in Japan. */
    public BallotTally() {
        this(Clock.system(JAPAN));
    }

    public BallotTally(Clock clock) {
        this.clock = clock;
    }

    /** Today in the clock's zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Counts one ballot: screens the votes, applies the denominator rule and the two-thirds rule. */
    public TallyResult tally(Governance governance, Ballot ballot) {
        Electorate electorate = Electorate.forDocument(governance, ballot.document());
        VoteScreening screening = VoteScreening.screen(governance, ballot, electorate);
        int yes = count(screening.counted(), VoteChoice.YES);
        int no = count(screening.counted(), VoteChoice.NO);
        int abstain = count(screening.counted(), VoteChoice.ABSTAIN);
        int notVoted = electorate.members().size() - screening.counted().size();
        DenominatorRule rule = governance.denominatorFor(ballot);
        int denominator = rule == DenominatorRule.REGISTERED_FULL_MEMBERS ? electorate.members().size()
                : yes + no + abstain;
        boolean closed = ballot.isClosedOn(today());
        boolean passed = closed && TallyResult.meetsTwoThirds(yes, denominator);
        return new TallyResult(ballot.id(), ballot.origin().file(), ballot.document(), ballot.version(),
                ballot.opens(), ballot.closes(), electorate.committee().orElse(""), electorate.members(),
                yes, no, abstain, notVoted, denominator, rule, ballot.denominator().isPresent(), ruleSource(governance, ballot),
                TallyResult.requiredYesFor(denominator), closed, passed, screening.rejected());
    }

    /** Every ballot on a document, in file-name order. */
    public List<TallyResult> tallyAll(Governance governance, String documentId) {
        return governance.ballotsOn(documentId).stream().map(b -> tally(governance, b)).toList();
    }

    /** The ballot on a document that opened last (ties: the later file name). */
    public Optional<TallyResult> tallyLatest(Governance governance, String documentId) {
        return governance.ballotsOn(documentId).stream()
                .reduce((a, b) -> b.opens().isBefore(a.opens()) ? a : b)
                .map(b -> tally(governance, b));
    }

    private static String ruleSource(Governance governance, Ballot ballot) {
        if (ballot.denominator().isPresent()) return "set in " + ballot.origin().file();
        return governance.settings().origin().line() > 0 ? "from " + GovernanceSettings.FILE
                : "the default; " + GovernanceSettings.FILE + " does not set it";
    }

    private static int count(List<Vote> votes, VoteChoice choice) {
        return (int) votes.stream().filter(v -> v.choice() == choice).count();
    }
}
