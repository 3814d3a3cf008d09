package jp.nexehrs.governance;

import jp.nexehrs.report.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The governance rules at the edges the main tests leave out: failing and open tallies, adoption by the right
 * ballot only, documents in ballot status without a live ballot, leaders, owners and comment resolutions.
 */
class GovernanceEdgeCasesTest {
    @TempDir Path dir;

    private final GovernanceRules rules = new GovernanceRules(TestProject.TODAY);
    private final BallotTally tally = new BallotTally(TestProject.TODAY);

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toLine).toList();
    }

    private static List<Finding> warnings(List<Finding> findings) {
        return findings.stream().filter(f -> !f.isError()).toList();
    }

    // ---- the two-thirds rule as a tally reports it

    @Test
    void aBallotShortOfTwoThirdsDoesNotMeetTheRuleAndSaysSo() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:no").load();
        TallyResult r = tally.tally(g, g.ballots().get(0));
        assertFalse(r.ruleMet(), "1 yes of 3 is one third");
        assertFalse(r.passed());
        assertTrue(r.ruleText().contains("3 × 1 = 3 < 2 × 3 = 6"), r.ruleText());
        String text = r.toText();
        assertTrue(text.contains("(締切済 closed)"), text);
        assertTrue(text.contains("有権者 Electorate: 3 正会員 full members (m1, m2, m3)"), text);
        assertFalse(text.contains("Rejected votes"), "no rejected votes, no such line: " + text);
        assertFalse(text.contains("denominator is 0"), text);
        assertTrue(text.endsWith("結果 Result: 否決 FAILED\n"), "a closed ballot has no 'currently' remark: " + text);
    }

    @Test
    void anOpenBallotShortOfTheRuleSaysItDoesNotMeetItYet() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "01-overview", "2026-11-20", "2026-11-30", "", "m1:yes:2026-11-21").load();
        TallyResult r = tally.tally(g, g.ballots().get(0));
        assertFalse(r.ruleMet());
        String text = r.toText();
        assertTrue(text.contains("(受付中 open)"), text);
        assertTrue(text.contains("投票中 OPEN (現時点で未達 does not meet the rule yet)"), text);
    }

    @Test
    void aTallyWithAnUnknownOwnerSaysSoAndListsNoElectorate() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "99-unowned", "2026-10-01", "2026-10-31", "", "m1:yes").load();
        String text = tally.tally(g, g.ballots().get(0)).toText();
        assertTrue(text.contains("決定部会 Deciding committee: (不明 unknown owner)"), text);
        assertTrue(text.contains("有権者 Electorate: 0 正会員 full members\n"), text);
    }

    @Test
    void theRuleTextSaysWhereTheDenominatorRuleWasSet() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "01-overview", "2026-10-01", "2026-10-31", "denominator: votes-cast\n", "m1:yes").load();
        String rule = tally.tally(g, g.ballots().get(0)).ruleText();
        assertTrue(rule.contains("set in governance/ballots/b.yaml"), rule);
        assertTrue(rule.contains(DenominatorRule.VOTES_CAST.english()), rule);
        assertEquals("valid votes cast", DenominatorRule.VOTES_CAST.english());
        assertEquals("full members registered in the committee", DenominatorRule.REGISTERED_FULL_MEMBERS.english());
    }

    // ---- which ballot adopted a document

    @Test
    void aFailedBallotOrOneOnAnotherVersionIsNeverShownAsTheAdoption() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("a-failed", "m1:yes", "m2:no", "m3:no")
                .file("governance/ballots/b-other-version.yaml", """
                        document: 01-overview
                        version: 0.0.9
                        opens: 2026-10-01
                        closes: 2026-10-31
                        votes:
                          - {member: m1, vote: yes, date: 2026-10-10}
                          - {member: m2, vote: yes, date: 2026-10-10}
                          - {member: m3, vote: yes, date: 2026-10-10}
                        """).load();
        DocumentGovernanceStatus status = DocumentGovernanceStatus.of(g,
                TestProject.document("01-overview", "ballot", "基盤技術部会"), tally);
        assertEquals(2, status.ballots().size());
        assertTrue(status.ballots().get(1).passed(), "the other version's ballot did pass");
        assertTrue(status.adoptedBy().isEmpty(), "but it adopted 0.0.9, not 0.1.0");
        String text = status.toText();
        assertTrue(text.contains("採択根拠 Adopted by: なし none"), text);
        assertTrue(text.contains("  - a-failed  版 v0.1.0  2026-10-01 – 2026-10-31  賛成 yes 1 / 分母 denominator 3 (必要 required 2)  否決 FAILED"), text);
        assertTrue(text.contains("有権者 Electorate: 3 正会員 full members (m1, m2, m3)"), text);
    }

    @Test
    void aDocumentWithoutBallotsOrElectorateSaysNone() throws Exception {
        Governance g = new TestProject(dir).member("s", "supporting", "corporate", "基盤技術部会", "某").load();
        DocumentGovernanceStatus status = DocumentGovernanceStatus.of(g,
                TestProject.document("01-overview", "draft", "基盤技術部会"), tally);
        String text = status.toText();
        assertTrue(text.contains("投票 Ballots: なし none"), text);
        assertTrue(text.contains("有権者 Electorate: 0 正会員 full members\n"), text);
        assertTrue(status.electorate().isEmpty());
    }

    // ---- a document marked ballot (投票中) needs a live ballot

    @Test
    void aDocumentInBallotStatusWithoutABallotOnItsVersionIsAWarning() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).load();
        List<Finding> findings = rules.check(g, TestProject.documents("ballot"));
        List<Finding> warnings = warnings(findings);
        assertEquals(1, warnings.size(), lines(findings).toString());
        assertEquals("spec/01-overview.adoc", warnings.get(0).file());
        assertTrue(warnings.get(0).message().contains("has no ballot on version 0.1.0"), warnings.get(0).message());
    }

    @Test
    void aDocumentInBallotStatusWhoseBallotsAllClosedIsAWarning() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:yes").load();
        List<Finding> warnings = warnings(rules.check(g, TestProject.documents("ballot")));
        assertEquals(1, warnings.size(), lines(warnings).toString());
        assertTrue(warnings.get(0).message().contains("every ballot on version 0.1.0 has closed"), warnings.get(0).message());
    }

    @Test
    void aDocumentInBallotStatusWithAnOpenBallotIsFine() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("a-closed", "m1:no")
                .ballot("b-open", "01-overview", "2026-11-20", "2026-11-30", "", "m1:yes:2026-11-21").load();
        assertEquals(List.of(), lines(rules.check(g, TestProject.documents("ballot"))));
    }

    // ---- leaders, owners, comments

    @Test
    void aLeaderWhoIsNotRegisteredInTheirBodyIsAWarning() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 2)
                .file("governance/committees.yaml", """
                        committees:
                          - name: 基盤技術部会
                            leader: {member: m2, person: 人 1}
                            documents: [01-overview]
                            wgs:
                              - name: 共用WG
                                leader: {member: m1, person: 人 1}
                                documents: [03-sharing]
                        """).load();
        List<Finding> warnings = warnings(rules.check(g, TestProject.documents("draft")));
        assertEquals(1, warnings.size(), lines(warnings).toString());
        assertTrue(warnings.get(0).message().contains("leader 人 1 is not among the participants 'm2' registered in 基盤技術部会"),
                warnings.get(0).message());
    }

    @Test
    void aDocumentOwnedByTwoBodiesIsAnErrorAndAnUnknownListedDocumentAWarning() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .file("governance/committees.yaml", """
                        committees:
                          - name: 基盤技術部会
                            leader: {member: m1, person: 人 1}
                            documents: [01-overview, 77-missing]
                            wgs:
                              - name: 共用WG
                                leader: {member: m1, person: 人 1}
                                documents: [03-sharing, 01-overview]
                        """).load();
        List<Finding> findings = rules.check(g, TestProject.documents("draft"));
        assertTrue(findings.stream().anyMatch(f -> f.isError()
                && f.message().contains("document '01-overview' is owned by both 基盤技術部会")), lines(findings).toString());
        assertTrue(findings.stream().anyMatch(f -> !f.isError()
                && f.message().contains("lists document '77-missing', which is not among the project's documents")), lines(findings).toString());
        List<Finding> withoutDocuments = rules.check(g, List.of());
        assertTrue(withoutDocuments.stream().noneMatch(f -> f.message().contains("77-missing")),
                "with no documents to compare against, nothing is reported missing: " + lines(withoutDocuments));
    }

    @Test
    void aDispositionOtherThanNotedNeedsAResolution() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .file("governance/comments/01-overview.yaml", """
                        dispositions:
                          - {id: C-1, section: "1", comment: a, disposition: noted}
                          - {id: C-2, section: "2", comment: b, disposition: rejected}
                          - {id: C-3, section: "3", comment: c, disposition: accepted, resolution: 直した}
                        """).load();
        List<Finding> warnings = warnings(rules.check(g, TestProject.documents("draft")));
        assertEquals(1, warnings.size(), lines(warnings).toString());
        assertEquals(3, warnings.get(0).line(), "the rejected comment's entry");
        assertTrue(warnings.get(0).message().contains("comment C-2 is rejected"), warnings.get(0).message());
        assertTrue(g.commentsOn("03-sharing").isEmpty(), "comments belong to the document their file names");
        assertEquals(3, g.commentsOn("01-overview").orElseThrow().dispositions().size());
    }

    @Test
    void ballotsAreFoundByIdAndOnlyYamlFilesAreRead() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("first", "m1:yes")
                .closedBallot("second", "m2:yes")
                .file("governance/ballots/notes.md", "not a ballot: {")
                .file("governance/ballots/third.yml", """
                        document: 01-overview
                        version: 0.1.0
                        opens: 2026-10-01
                        closes: 2026-10-31
                        votes: []
                        """).load();
        assertEquals(List.of("first", "second", "third"), g.ballots().stream().map(Ballot::id).toList());
        assertEquals("governance/ballots/second.yaml", g.ballot("second").orElseThrow().origin().file());
        assertTrue(g.ballot("notes").isEmpty());
    }

    @Test
    void anOriginWithoutALineIsJustTheFile() {
        assertEquals("governance/members.yaml:1", new Origin("governance/members.yaml", 1, 0).ref());
        assertEquals("governance/members.yaml", new Origin("governance/members.yaml", 0, 0).ref());
    }

    // ---- the reconciliation CSV

    @Test
    void aFieldThatStartsWithACommaQuoteOrLineBreakIsQuoted() {
        assertEquals("\",a\"", ReconciliationCsv.field(",a"));
        assertEquals("\"\"\"a\"\"\"", ReconciliationCsv.field("\"a\""));
        assertEquals("\"\na\"", ReconciliationCsv.field("\na"));
        assertEquals("\"'\ra\"", ReconciliationCsv.field("\ra"), "a leading CR is also guarded against formulas");
    }
}
