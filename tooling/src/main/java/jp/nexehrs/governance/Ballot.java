package jp.nexehrs.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A vote on the final draft (最終案) of one version of one document. Votes dated from {@code opens} to
 * {@code closes} inclusive count; the ballot is closed from the day after {@code closes}.
 *
 * @param id          the file name without extension
 * @param commit      the git commit balloted, if recorded (for traceability; adoption matches on version)
 * @param denominator the rule for this ballot if the file pins one; otherwise the settings apply
 */
public record Ballot(String id, String document, String version, String commit, LocalDate opens, LocalDate closes,
                     Optional<DenominatorRule> denominator, List<Vote> votes, Origin origin) {
    public Ballot {
        commit = commit == null ? "" : commit;
        votes = List.copyOf(votes);
    }

    /** Closed once the closing day has passed (dates are days in Japan). */
    public boolean isClosedOn(LocalDate today) {
        return today.isAfter(closes);
    }
}
