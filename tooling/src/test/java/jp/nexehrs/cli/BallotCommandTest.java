package jp.nexehrs.cli;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nexehrs ballot} on this repository's real governance records (read only: nothing is built). */
class BallotCommandTest {
    private static final String REPOSITORY = Path.of("..").toAbsolutePath().normalize().toString();

    @Test
    void tallyShowsTheCountTheRuleAndTheResult() {
        TestProjects.CliResult result = TestProjects.runCli("ballot", "tally", "01-overview", "--project", REPOSITORY, "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("賛成 Yes: 4"), result.toString());
        assertTrue(result.out().contains("3 × 賛成 yes ≥ 2 × 分母 denominator"), result.toString());
        assertTrue(result.out().contains("可決 PASSED"), result.toString());
    }

    @Test
    void statusOfADocumentWithAnOpenBallotSaysItIsNotAdopted() {
        TestProjects.CliResult result = TestProjects.runCli("ballot", "status", "10-process", "--project", REPOSITORY, "-q");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains("標準化推進部会"), result.toString());
        assertTrue(result.out().contains("投票中 OPEN"), result.toString());
        assertTrue(result.out().contains("採択根拠 Adopted by: なし none"), result.toString());
        assertTrue(result.out().contains("次の状態 Next: 草案 draft, 投票中 ballot, 取り下げ withdrawn"), result.toString());
    }

    @Test
    void anUnknownDocumentIsAUsageErrorListingTheKnownOnes() {
        TestProjects.CliResult result = TestProjects.runCli("ballot", "status", "99-nothing", "--project", REPOSITORY);
        assertEquals(2, result.exitCode(), result.toString());
        assertTrue(result.err().contains("01-overview"), result.toString());
    }
}
