package jp.nexehrs.governance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which recorded votes count: only full members registered in the deciding committee, one vote per
 * organisation (the first valid one in the file), cast from the opening to the closing day inclusive.
 * Shared by {@link BallotTally} (counting) and {@link GovernanceRules} (reporting).
 */
public record VoteScreening(List<Vote> counted, List<RejectedVote> rejected) {
    public VoteScreening {
        counted = List.copyOf(counted);
        rejected = List.copyOf(rejected);
    }

    /** Screens every vote of {@code ballot} against the members and the electorate. */
    public static VoteScreening screen(Governance governance, Ballot ballot, Electorate electorate) {
        List<Vote> counted = new ArrayList<>();
        List<RejectedVote> rejected = new ArrayList<>();
        Map<String, Vote> firstCounted = new HashMap<>();
        String committee = electorate.committee().orElse("(unknown committee)");
        for (Vote vote : ballot.votes()) {
            var member = governance.member(vote.member());
            RejectedVote.Reason reason = null;
            String message = null;
            if (member.isEmpty()) {
                reason = RejectedVote.Reason.NOT_A_MEMBER;
                message = "vote from '" + vote.member() + "', which is not a member in " + GovernanceLoader.MEMBERS
                        + " (会員ではない); only member ids listed there can vote";
            } else if (!member.get().isFull()) {
                reason = RejectedVote.Reason.NOT_A_FULL_MEMBER;
                message = "vote from '" + vote.member() + "' (" + member.get().name() + "), a "
                        + member.get().memberClass().yamlName() + " member (" + member.get().memberClass().japanese()
                        + "); only full members (正会員) vote on a final draft";
            } else if (!electorate.contains(vote.member())) {
                reason = RejectedVote.Reason.NOT_REGISTERED_IN_COMMITTEE;
                message = "vote from '" + vote.member() + "' (" + member.get().name() + "), which has no one registered in "
                        + committee + " (部会に未登録); only full members registered in the deciding committee vote";
            } else if (vote.date().isBefore(ballot.opens())) {
                reason = RejectedVote.Reason.BEFORE_OPENING;
                message = "vote from '" + vote.member() + "' dated " + vote.date() + ", before the ballot opened on "
                        + ballot.opens() + " (投票開始前); not counted";
            } else if (vote.date().isAfter(ballot.closes())) {
                reason = RejectedVote.Reason.AFTER_CLOSING;
                message = "vote from '" + vote.member() + "' dated " + vote.date() + ", after the ballot closed on "
                        + ballot.closes() + " (締切後); not counted";
            } else if (firstCounted.containsKey(vote.member())) {
                reason = RejectedVote.Reason.DUPLICATE;
                message = "second vote from '" + vote.member() + "' (重複投票); one vote per organisation, the vote at line "
                        + firstCounted.get(vote.member()).origin().line() + " counts";
            }
            if (reason == null) {
                counted.add(vote);
                firstCounted.put(vote.member(), vote);
            } else {
                rejected.add(new RejectedVote(vote, reason, message));
            }
        }
        return new VoteScreening(counted, rejected);
    }
}
