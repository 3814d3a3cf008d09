package jp.nexehrs.governance;

import jp.nexehrs.report.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GovernanceRulesTest {
    @TempDir Path dir;

    private final GovernanceRules rules = new GovernanceRules(TestProject.TODAY);

    private static List<Finding> errors(List<Finding> findings) {
        return findings.stream().filter(Finding::isError).toList();
    }

    private static Finding onlyError(List<Finding> findings) {
        List<Finding> errors = errors(findings);
        assertEquals(1, errors.size(), () -> String.join("\n", findings.stream().map(Finding::toLine).toList()));
        return errors.get(0);
    }

    @Test
    void consistentRecordsHaveNoFindings() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:yes").load();
        List<Finding> findings = rules.check(g, TestProject.documents("adopted"));
        assertEquals(List.of(), findings.stream().map(Finding::toLine).toList());
    }

    @Test
    void threeParticipantsFromACorporateMemberAreAllowed() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .member("big", "full", "corporate", "基盤技術部会", "甲", "乙", "丙").load();
        assertEquals(List.of(), errors(rules.check(g, TestProject.documents("draft"))));
    }

    @Test
    void aFourthParticipantFromACorporateMemberIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .member("big", "full", "corporate", "基盤技術部会", "甲", "乙", "丙", "丁").load();
        Finding f = onlyError(rules.check(g, TestProject.documents("draft")));
        assertEquals("governance/members.yaml", f.file());
        assertEquals(16, f.line(), "the registration entry");
        assertTrue(f.message().contains("'big'") && f.message().contains("4 participants")
                && f.message().contains("at most 3"), f.message());
    }

    @Test
    void anIndividualMemberIsNotUnderTheCorporateLimit() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .member("solo", "academic", "individual", "共用WG", "甲", "乙", "丙", "丁").load();
        assertEquals(List.of(), errors(rules.check(g, TestProject.documents("draft"))));
    }

    @Test
    void adoptedWithoutAnyBallotNamesTheDocumentAndTheBallotsFolder() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).load();
        Finding f = onlyError(rules.check(g, TestProject.documents("adopted")));
        assertEquals("spec/01-overview.adoc", f.file());
        assertEquals(4, f.line());
        assertTrue(f.message().contains("adopted") && f.message().contains("governance/ballots/")
                && f.message().contains("0.1.0"), f.message());
    }

    @Test
    void adoptedWithAFailedBallotNamesTheBallotFile() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("overview-vote", "m1:yes", "m2:no").load();
        Finding f = onlyError(rules.check(g, TestProject.documents("adopted")));
        assertEquals("spec/01-overview.adoc", f.file());
        assertTrue(f.message().contains("governance/ballots/overview-vote.yaml did not pass (1 yes of 3, 2 required)"),
                f.message());
    }

    @Test
    void adoptedWhileTheBallotIsStillOpenIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "01-overview", "2026-11-20", "2026-11-30", "", "m1:yes:2026-11-21", "m2:yes:2026-11-21")
                .load();
        Finding f = onlyError(rules.check(g, TestProject.documents("adopted")));
        assertTrue(f.message().contains("governance/ballots/b.yaml is still open until 2026-11-30"), f.message());
    }

    @Test
    void aPassingBallotOnAnotherVersionDoesNotAdoptThisOne() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:yes").load();
        List<DocumentState> docs = List.of(new DocumentState("01-overview", "spec/01-overview.adoc", 4, "総論",
                "0.2.0", "adopted", "基盤技術部会"), TestProject.document("03-sharing", "draft", "共用WG"));
        assertTrue(onlyError(rules.check(g, docs)).message().contains("no ballot on version 0.2.0"));
    }

    @Test
    void duplicateAndNonMemberVotesAreErrorsAtTheVoteLine() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .closedBallot("b", "m1:yes", "m1:yes", "nobody:yes").load();
        List<Finding> errors = errors(rules.check(g, TestProject.documents("draft")));
        assertEquals(2, errors.size());
        assertEquals("governance/ballots/b.yaml", errors.get(0).file());
        assertEquals(9, errors.get(0).line());
        assertTrue(errors.get(0).message().contains("重複投票"));
        assertEquals(12, errors.get(1).line());
        assertTrue(errors.get(1).message().contains("'nobody', which is not a member"));
    }

    @Test
    void aLateVoteIsAWarningNotAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes:2026-11-02").load();
        List<Finding> findings = rules.check(g, TestProject.documents("draft"));
        assertEquals(List.of(), errors(findings));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("締切後"));
    }

    @Test
    void unknownStatusListsTheAllowedValues() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).load();
        Finding f = onlyError(rules.check(g, TestProject.documents("final")));
        assertTrue(f.message().contains("'final'") && f.message().contains("draft (草案)")
                && f.message().contains("withdrawn"), f.message());
    }

    @Test
    void anOwnerThatIsNotACommitteeOrWgIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).load();
        List<DocumentState> docs = List.of(TestProject.document("01-overview", "draft", "謎の部会"),
                TestProject.document("03-sharing", "draft", "共用WG"));
        Finding f = onlyError(rules.check(g, docs));
        assertTrue(f.message().contains("unknown :nexehrs-owner: '謎の部会'") && f.message().contains("共用WG"),
                f.message());
    }

    @Test
    void anOwnerThatDisagreesWithCommitteesYamlIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).load();
        List<DocumentState> docs = List.of(TestProject.document("01-overview", "draft", "共用WG"),
                TestProject.document("03-sharing", "draft", "共用WG"));
        Finding f = onlyError(rules.check(g, docs));
        assertEquals("spec/01-overview.adoc", f.file());
        assertTrue(f.message().contains("governance/committees.yaml:2 lists 01-overview under 基盤技術部会"), f.message());
    }

    @Test
    void aBallotOnAnUnknownDocumentIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3)
                .ballot("b", "99-nothing", "2026-10-01", "2026-10-31", "", "m1:yes").load();
        List<Finding> errors = errors(rules.check(g, TestProject.documents("draft")));
        assertTrue(errors.stream().anyMatch(f -> f.file().equals("governance/ballots/b.yaml")
                && f.message().contains("unknown document '99-nothing'")), errors.toString());
    }

    @Test
    void aCommitteeLeaderMustComeFromAFullMember() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .member("sup", "supporting", "corporate", "基盤技術部会", "賛助 太郎")
                .file("governance/committees.yaml", """
                        committees:
                          - name: 基盤技術部会
                            leader: {member: sup, person: 賛助 太郎}
                            documents: [01-overview]
                            wgs:
                              - name: 共用WG
                                leader: {member: sup, person: 賛助 太郎}
                                documents: [03-sharing]
                        """).load();
        Finding f = onlyError(rules.check(g, TestProject.documents("draft")));
        assertEquals("governance/committees.yaml", f.file());
        assertEquals(3, f.line());
        assertTrue(f.message().contains("部会長") && f.message().contains("正会員"), f.message());
    }

    @Test
    void registeringInAnUnknownBodyIsAnError() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1).member("x", "full", "corporate", "存在しないWG", "某").load();
        assertTrue(onlyError(rules.check(g, TestProject.documents("draft"))).message().contains("'存在しないWG'"));
    }

    @Test
    void duplicateMemberIdsAndCommentIdsAreErrors() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1)
                .member("m1", "full", "corporate", "基盤技術部会", "別人")
                .file("governance/comments/01-overview.yaml", """
                        dispositions:
                          - {id: C-1, section: "1", comment: a, disposition: noted}
                          - {id: C-1, section: "2", comment: b, disposition: accepted, resolution: done}
                        """).load();
        List<Finding> errors = errors(rules.check(g, TestProject.documents("draft")));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).message().contains("comment id 'C-1' is already used at line 2"));
        assertTrue(errors.get(1).message().contains("member id 'm1' is already used"));
    }

    @Test
    void ballotStatusSaysWhichBallotAdoptedTheDocument() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 3).closedBallot("b", "m1:yes", "m2:yes").load();
        DocumentGovernanceStatus status = DocumentGovernanceStatus.of(g,
                TestProject.document("01-overview", "adopted", "基盤技術部会"), new BallotTally(TestProject.TODAY));
        assertEquals("採択 adopted", status.badge());
        assertEquals("b", status.adoptedBy().orElseThrow().ballotId());
        assertTrue(status.toText().contains("採択根拠 Adopted by: b (governance/ballots/b.yaml)"), status.toText());
        assertTrue(status.toText().contains("次の状態 Next: 草案 draft, 取り下げ withdrawn"), status.toText());
    }

    @Test
    void lifecycleTransitions() {
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.DRAFT, DocumentStatus.CONSENSUS));
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.CONSENSUS, DocumentStatus.BALLOT));
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.BALLOT, DocumentStatus.ADOPTED));
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.BALLOT, DocumentStatus.CONSENSUS));
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.ADOPTED, DocumentStatus.DRAFT));
        assertTrue(DocumentLifecycle.canMove(DocumentStatus.WITHDRAWN, DocumentStatus.DRAFT));
        assertTrue(!DocumentLifecycle.canMove(DocumentStatus.DRAFT, DocumentStatus.ADOPTED));
        assertTrue(!DocumentLifecycle.canMove(DocumentStatus.CONSENSUS, DocumentStatus.ADOPTED));
        assertTrue(!DocumentLifecycle.canMove(DocumentStatus.WITHDRAWN, DocumentStatus.ADOPTED));
        for (DocumentStatus s : DocumentStatus.values()) {
            assertEquals(s != DocumentStatus.WITHDRAWN, DocumentLifecycle.canMove(s, DocumentStatus.WITHDRAWN), s.name());
        }
        assertEquals(DocumentStatus.BALLOT, DocumentStatus.fromAttribute(" ballot ").orElseThrow());
        assertTrue(DocumentStatus.fromAttribute("Adopted").isEmpty());
    }
}
