package jp.nexehrs.governance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BallotTallyTest {
    @TempDir Path dir;

    private final BallotTally tally = new BallotTally(TestProject.TODAY);

    private TallyResult tallyOnly(Governance g) {
        assertEquals(1, g.ballots().size());
        return tally.tally(g, g.ballots().get(0));
    }

    @Test
    void exactlyTwoThirdsOfRegisteredFullMembersPasses() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 6)
                .closedBallot("b", "m1:yes", "m2:yes", "m3:yes", "m4:yes", "m5:no").load();
        TallyResult r = tallyOnly(g);
        assertEquals(4, r.yes());
        assertEquals(1, r.no());
        assertEquals(1, r.notVoted());
        assertEquals(6, r.denominator());
        assertEquals(4, r.requiredYes());
        assertEquals(DenominatorRule.REGISTERED_FULL_MEMBERS, r.denominatorRule());
        assertTrue(r.closed());
        assertTrue(r.passed(), r.toText());
    }

    @Test
    void oneYesFewerThanTwoThirdsFails() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 6)
                .closedBallot("b", "m1:yes", "m2:yes", "m3:yes", "m4:no", "m5:no", "m6:no").load();
        TallyResult r = tallyOnly(g);
        assertEquals(3, r.yes());
        assertFalse(r.passed(), r.toText());
        assertTrue(r.toText().contains("否決 FAILED"));
    }

    @Test
    void abstentionsAndMissingVotesAreNotYes() throws Exception {
        // 3 members: 1 yes + 1 abstain + 1 missing is 1/3, not 2/3
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:abstain").load();
        TallyResult r = tallyOnly(g);
        assertEquals(1, r.abstain());
        assertEquals(1, r.notVoted());
        assertEquals(3, r.denominator());
        assertFalse(r.passed());
    }

    @Test
    void votesCastDenominatorCountsAbstentionsButNotMissingVotes() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 6)
                .ballot("b", "01-overview", "2026-10-01", "2026-10-31", "denominator: votes-cast\n",
                        "m1:yes", "m2:yes", "m3:abstain").load();
        TallyResult r = tallyOnly(g);
        assertEquals(DenominatorRule.VOTES_CAST, r.denominatorRule());
        assertTrue(r.ruleFromBallot());
        assertEquals(3, r.denominator());
        assertTrue(r.passed(), "2 of 3 cast is exactly two thirds");
        assertTrue(r.ruleText().contains("votes-cast"), r.ruleText());
    }

    @Test
    void settingsFileChoosesTheDenominatorWhenTheBallotDoesNot() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 6)
                .file("governance/settings.yaml", "denominator: votes-cast\n")
                .closedBallot("b", "m1:yes", "m2:no").load();
        TallyResult r = tallyOnly(g);
        assertEquals(DenominatorRule.VOTES_CAST, r.denominatorRule());
        assertFalse(r.ruleFromBallot());
        assertEquals(2, r.denominator());
        assertFalse(r.passed(), "1 of 2 is one half");
        assertTrue(r.ruleText().contains(GovernanceSettings.FILE));
    }

    @Test
    void aMemberVotingTwiceCountsOnceAndTheSecondVoteIsRejected() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("b", "m1:yes", "m2:no", "m1:no").load();
        TallyResult r = tallyOnly(g);
        assertEquals(1, r.yes());
        assertEquals(1, r.no());
        assertEquals(1, r.rejected().size());
        RejectedVote rejected = r.rejected().get(0);
        assertEquals(RejectedVote.Reason.DUPLICATE, rejected.reason());
        assertEquals(12, rejected.vote().origin().line());
        assertTrue(rejected.message().contains("line 6"), rejected.message());
    }

    @Test
    void oneVotePerOrganisationHoweverManyPeopleItRegistered() throws Exception {
        // m1 registers three people but is still one vote out of 3
        Governance g = new TestProject(dir)
                .member("m1", "full", "corporate", "基盤技術部会", "甲", "乙", "丙")
                .member("m2", "full", "corporate", "基盤技術部会", "丁")
                .member("m3", "full", "corporate", "基盤技術部会", "戊")
                .closedBallot("b", "m1:yes").load();
        TallyResult r = tallyOnly(g);
        assertEquals(3, r.denominator());
        assertEquals(1, r.yes());
        assertFalse(r.passed());
    }

    @Test
    void nonMemberNonFullMemberAndUnregisteredVotesAreRejected() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .member("support", "supporting", "corporate", "基盤技術部会", "賛助 太郎")
                .member("wg-only", "full", "corporate", "共用WG", "WG 花子")
                .closedBallot("b", "m1:yes", "m2:yes", "stranger:yes", "support:yes", "wg-only:yes").load();
        TallyResult r = tallyOnly(g);
        assertEquals(2, r.yes());
        assertEquals(3, r.denominator(), "only the three full members registered in the committee");
        assertEquals(3, r.rejected().size());
        assertEquals(RejectedVote.Reason.NOT_A_MEMBER, r.rejected().get(0).reason());
        assertTrue(r.rejected().get(0).message().contains("'stranger'"));
        assertEquals(RejectedVote.Reason.NOT_A_FULL_MEMBER, r.rejected().get(1).reason());
        assertEquals(RejectedVote.Reason.NOT_REGISTERED_IN_COMMITTEE, r.rejected().get(2).reason());
        assertTrue(r.passed(), "2 of 3 registered full members");
    }

    @Test
    void votesBeforeOpeningOrAfterClosingAreNotCounted() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("b", "m1:yes:2026-10-31", "m2:yes:2026-11-01", "m3:yes:2026-09-30").load();
        TallyResult r = tallyOnly(g);
        assertEquals(1, r.yes(), "the closing day itself counts");
        assertEquals(RejectedVote.Reason.AFTER_CLOSING, r.rejected().get(0).reason());
        assertTrue(r.rejected().get(0).message().contains("after the ballot closed on 2026-10-31"));
        assertEquals(RejectedVote.Reason.BEFORE_OPENING, r.rejected().get(1).reason());
        assertFalse(r.passed());
    }

    @Test
    void anOpenBallotHasNotPassedEvenWhenTheRuleIsMet() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "01-overview", "2026-11-20", "2026-11-25", "", "m1:yes:2026-11-21", "m2:yes:2026-11-21")
                .load();
        TallyResult r = tallyOnly(g);
        assertFalse(r.closed(), "the closing day is today, so still open");
        assertTrue(r.ruleMet());
        assertFalse(r.passed());
        assertTrue(r.toText().contains("投票中 OPEN"));
    }

    @Test
    void noElectorateNeverPasses() throws Exception {
        Governance g = new TestProject(dir).member("s", "supporting", "corporate", "基盤技術部会", "某")
                .closedBallot("b").load();
        TallyResult r = tallyOnly(g);
        assertEquals(0, r.denominator());
        assertFalse(r.passed());
        assertTrue(r.toText().contains("denominator is 0"));
    }

    @Test
    void aWgDocumentIsDecidedByItsCommitteesFullMembers() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .member("wg-only", "full", "corporate", "共用WG", "WG 花子")
                .ballot("b", "03-sharing", "2026-10-01", "2026-10-31", "", "m1:yes", "m2:yes").load();
        TallyResult r = tallyOnly(g);
        assertEquals("基盤技術部会", r.committee());
        assertEquals(3, r.denominator());
        assertTrue(r.passed());
    }

    @Test
    void passRuleIsExactIntegerTwoThirds() {
        for (int denominator = 1; denominator <= 300; denominator++) {
            for (int yes = 0; yes <= denominator; yes++) {
                boolean exact = yes * 3 >= denominator * 2;
                assertEquals(exact, TallyResult.meetsTwoThirds(yes, denominator), yes + "/" + denominator);
                assertEquals(yes >= TallyResult.requiredYesFor(denominator), TallyResult.meetsTwoThirds(yes, denominator),
                        "requiredYes agrees with the rule at " + yes + "/" + denominator);
            }
        }
        assertFalse(TallyResult.meetsTwoThirds(0, 0));
        assertEquals(4, TallyResult.requiredYesFor(5));
        assertEquals(4, TallyResult.requiredYesFor(6));
        assertEquals(5, TallyResult.requiredYesFor(7));
    }

    @Test
    void textShowsCountsRuleAndRejectedVotesInJapaneseAndEnglish() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:yes", "x:no").load();
        String text = tallyOnly(g).toText();
        for (String expected : new String[]{"投票 Ballot: b (governance/ballots/b.yaml)", "賛成 Yes: 2", "反対 No: 0",
                "未投票 Not voted: 1", "分母 Denominator: 3", "必要賛成数 Required yes: 2", "3 × 2 = 6 ≥ 2 × 3 = 6",
                "部会登録正会員数", "governance/ballots/b.yaml:12", "the default", "可決 PASSED"}) {
            assertTrue(text.contains(expected), "missing '" + expected + "' in\n" + text);
        }
    }

    @Test
    void latestBallotIsTheOneThatOpenedLast() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("a-later", "01-overview", "2026-11-20", "2026-12-01", "", "m1:yes:2026-11-21")
                .closedBallot("z-earlier", "m1:yes").load();
        assertEquals("a-later", tally.tallyLatest(g, "01-overview").orElseThrow().ballotId());
        assertEquals(2, tally.tallyAll(g, "01-overview").size());
        assertTrue(tally.tallyLatest(g, "03-sharing").isEmpty());
    }
}
