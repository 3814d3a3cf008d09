package jp.nexehrs.cli;

import jp.nexehrs.history.HistoryException;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.testing.TestProjects;
import jp.nexehrs.testing.TestProjects.CliResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure reaches the CLI as one exception type, which decides the exit code and the one line printed. */
class FailureExitCodeTest {
    @TempDir
    Path dir;

    @Test
    void theKindsOfFailureEndWithTheDocumentedExitCodes() {
        assertEquals(ExitCode.CONTENT_ERRORS, NexehrsException.Kind.CONTENT.exitCode());
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, NexehrsException.Kind.USAGE_OR_ENVIRONMENT.exitCode());
    }

    @Test
    void aSourceFailureIsAContentErrorNamingItsFileAndLine() {
        SourceException failure = new SourceException("spec/01-intro.adoc", 12, 3, "an include outside spec/");
        assertEquals(ExitCode.CONTENT_ERRORS, failure.exitCode());
        assertEquals("spec/01-intro.adoc:12:3: error: an include outside spec/", failure.toLine());
    }

    @Test
    void aHistoryFailureIsAnEnvironmentError() {
        HistoryException failure = new HistoryException("the clone is shallow: run git fetch --unshallow");
        assertEquals(ExitCode.USAGE_OR_ENVIRONMENT, failure.exitCode());
        assertEquals("", failure.file());
        assertEquals("the clone is shallow: run git fetch --unshallow", failure.toLine());
    }

    @Test
    void aBrokenTemplateIsAContentErrorNamingTheTemplateAndLine() {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.copyTree(Path.of("../site-template"), project.resolve("site-template"));
        TestProjects.write(project, "site-template/templates/qa.ftlh", "<p>\n<#if>\n");
        CliResult result = TestProjects.runCli("build", "--project", project.toString());
        assertEquals(ExitCode.CONTENT_ERRORS, result.exitCode(), result.toString());
        assertTrue(result.err().contains("site-template/templates/qa.ftlh:2:"), result.toString());
        assertTrue(result.err().contains("template syntax error (page qa.html)"), result.toString());
        assertFalse(result.all().contains("\tat "), result.toString());
    }
}
