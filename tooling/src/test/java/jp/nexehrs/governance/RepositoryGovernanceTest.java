package jp.nexehrs.governance;

import jp.nexehrs.report.Finding;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The repository's own governance/ records are consistent with its guideline documents. */
class RepositoryGovernanceTest {
    /** The spec's documents as their headers state them (file, owner, status; all at 0.1.0). */
    static final List<DocumentState> DOCUMENTS = List.of(
            doc("01-overview", "総論", "基盤技術部会", "consensus"),
            doc("02-person-centred-record", "本人主体管理", "本人主体管理WG", "draft"),
            doc("03-sharing", "共用", "共用WG", "draft"),
            doc("04-secondary-use", "二次利用", "二次利用WG", "draft"),
            doc("05-bigdata-genomics", "ゲノム・ビッグデータ", "ゲノム・ビッグデータWG", "draft"),
            doc("06-cloud", "クラウド", "基盤技術部会", "draft"),
            doc("07-ai-automation", "AI・自動化", "基盤技術部会", "draft"),
            doc("08-ppi", "PPI", "患者・市民参画部会", "draft"),
            doc("09-usable-standards", "使える標準化", "標準化推進部会", "draft"),
            doc("10-process", "策定プロセス", "標準化推進部会", "consensus"));

    private static DocumentState doc(String id, String title, String owner, String status) {
        return new DocumentState(id, "spec/" + id + ".adoc", 5, title, "0.1.0", status, owner);
    }

    /** Walks up from the working directory (tooling/ under Maven) to the folder holding nexehrs.yaml or governance/. */
    static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("nexehrs.yaml")) || Files.isDirectory(p.resolve("governance"))) return p;
        }
        throw new AssertionError("no project root above " + Path.of("").toAbsolutePath());
    }

    @Test
    void recordsLoadAndHaveNoFindings() throws Exception {
        Governance g = new GovernanceLoader().load(projectRoot());
        assertFalse(g.isEmpty());
        assertEquals(8, g.members().size());
        List<Finding> findings = new GovernanceRules(TestProject.TODAY).check(g, DOCUMENTS);
        assertEquals(List.of(), findings.stream().map(Finding::toLine).toList());
    }

    @Test
    void theOverviewBallotPassedAndTheProcessBallotIsOpen() throws Exception {
        Governance g = new GovernanceLoader().load(projectRoot());
        BallotTally tally = new BallotTally(TestProject.TODAY);
        TallyResult overview = tally.tallyLatest(g, "01-overview").orElseThrow();
        assertTrue(overview.passed(), overview.toText());
        assertEquals("0.1.0", overview.version());
        assertEquals(5, overview.denominator());
        assertEquals(4, overview.yes());
        TallyResult process = tally.tallyLatest(g, "10-process").orElseThrow();
        assertFalse(process.closed(), process.toText());
        assertEquals(4, process.denominator());
        assertTrue(process.rejected().isEmpty());
    }

    @Test
    void overviewCouldBeMarkedAdoptedByAnEditor() throws Exception {
        Governance g = new GovernanceLoader().load(projectRoot());
        List<DocumentState> adopted = DOCUMENTS.stream().map(d -> d.documentId().equals("01-overview")
                ? new DocumentState(d.documentId(), d.file(), d.line(), d.title(), d.version(), "adopted", d.owner())
                : d).toList();
        assertEquals(List.of(), new GovernanceRules(TestProject.TODAY).check(g, adopted).stream()
                .filter(Finding::isError).map(Finding::toLine).toList());
    }

    @Test
    void overviewDispositionsExportAsCsv() throws Exception {
        Governance g = new GovernanceLoader().load(projectRoot());
        byte[] csv = ReconciliationCsv.export(g, "01-overview");
        assertNotNull(csv);
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1 + g.commentsOn("01-overview").orElseThrow().dispositions().size(),
                text.split("\r\n").length, "header and one row per disposition (multi-line fields use bare LF)");
    }
}
