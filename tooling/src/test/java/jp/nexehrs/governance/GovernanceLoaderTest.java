package jp.nexehrs.governance;

import jp.nexehrs.report.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GovernanceLoaderTest {
    @TempDir Path dir;

    @Test
    void aProjectWithoutGovernanceFolderHasEmptyGovernance() throws Exception {
        Governance g = new GovernanceLoader().load(dir);
        assertTrue(g.isEmpty());
        assertEquals(DenominatorRule.REGISTERED_FULL_MEMBERS, g.settings().denominator());
    }

    @Test
    void recordsKeepTheirFileAndLine() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 2).closedBallot("b", "m1:yes", "m2:no").load();
        Member m2 = g.member("m2").orElseThrow();
        assertEquals(new Origin("governance/members.yaml", 11, 5), m2.origin());
        Vote second = g.ballots().get(0).votes().get(1);
        assertEquals("governance/ballots/b.yaml", second.origin().file());
        assertEquals(9, second.origin().line());
        assertEquals(VoteChoice.NO, second.choice());
        assertEquals("基盤技術部会", g.body("共用WG").orElseThrow().parent());
        assertEquals("共用WG", g.ownerOf("03-sharing").orElseThrow().name());
    }

    @Test
    void unknownVoteValueSaysWhatIsAllowed() {
        SourceException e = assertThrows(SourceException.class,
                () -> TestProject.withFullMembers(dir, 2).closedBallot("b", "m1:yes", "m2:maybe").load());
        assertEquals("governance/ballots/b.yaml", e.file());
        assertEquals(10, e.line());
        assertEquals(11, e.column());
        assertTrue(e.getMessage().contains("unknown vote 'maybe'") && e.getMessage().contains("yes (賛成), no (反対), abstain (棄権)"),
                e.getMessage());
    }

    @Test
    void badDateNamesTheKeyAndTheExpectedForm() {
        SourceException e = assertThrows(SourceException.class,
                () -> TestProject.withFullMembers(dir, 2).closedBallot("b", "m1:yes:2026-10-32").load());
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("bad date '2026-10-32' for 'date'") && e.getMessage().contains("YYYY-MM-DD"),
                e.getMessage());
    }

    @Test
    void unknownMemberClassSaysWhatIsAllowed() {
        SourceException e = assertThrows(SourceException.class,
                () -> TestProject.withFullMembers(dir, 1).member("x", "platinum", "corporate", "基盤技術部会", "某").load());
        assertEquals("governance/members.yaml", e.file());
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("unknown class 'platinum'") && e.getMessage().contains("full (正会員)"),
                e.getMessage());
    }

    @Test
    void missingKeyPointsAtTheEntryThatLacksIt() {
        SourceException e = assertThrows(SourceException.class, () -> TestProject.withFullMembers(dir, 1)
                .file("governance/ballots/b.yaml", """
                        document: 01-overview
                        version: 0.1.0
                        opens: 2026-10-01
                        closes: 2026-10-31
                        votes:
                          - member: m1
                            vote: yes
                        """).load());
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("missing 'date'"), e.getMessage());
    }

    @Test
    void unknownKeyIsAnErrorWithItsLine() {
        SourceException e = assertThrows(SourceException.class, () -> TestProject.withFullMembers(dir, 1)
                .file("governance/settings.yaml", "denominator: votes-cast\nquorum: 3\n").load());
        assertEquals("governance/settings.yaml", e.file());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unknown key 'quorum'"), e.getMessage());
    }

    @Test
    void unknownDenominatorSaysWhatIsAllowed() {
        SourceException e = assertThrows(SourceException.class, () -> TestProject.withFullMembers(dir, 1)
                .file("governance/settings.yaml", "denominator: all-members\n").load());
        assertTrue(e.getMessage().contains("registered-full-members") && e.getMessage().contains("votes-cast"));
    }

    @Test
    void aGovernanceFolderNeedsMembersAndCommittees() {
        new TestProject(dir).file("governance/README.md", "x");
        SourceException e = assertThrows(SourceException.class, () -> new GovernanceLoader().load(dir));
        assertEquals("governance/members.yaml", e.file());
        assertTrue(e.getMessage().contains("missing"));
    }

    @Test
    void commentFilesAreNamedAfterTheirDocument() throws Exception {
        Governance g = TestProject.withFullMembers(dir, 1).file("governance/comments/01-overview.yaml", """
                version: 0.1.0
                dispositions:
                  - id: C-001
                    section: "1.2"
                    comment: コメント
                    disposition: partially-accepted
                    resolution: 一部反映
                """).load();
        CommentLog log = g.commentsOn("01-overview").orElseThrow();
        assertEquals(Disposition.PARTIALLY_ACCEPTED, log.dispositions().get(0).disposition());
        assertEquals(3, log.dispositions().get(0).origin().line());
    }
}
