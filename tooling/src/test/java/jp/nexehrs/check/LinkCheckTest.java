package jp.nexehrs.check;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Links written in documents must lead to a page and, with a fragment, to an anchor that page has. */
class LinkCheckTest {
    @TempDir
    Path dir;

    @Test
    void aBrokenLinkAndAMissingAnchorAreErrorsWithFileAndLine() {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.write(project, "spec/02-links.adoc", String.join("\n",
                "= リンク",                                 // 1
                "",                                         // 2
                "[[here]]",                                 // 3
                "== ここ",                                  // 4
                "",                                         // 5
                "xref:01-intro.adoc#本人[本人の節] は正しい。",  // 6
                "",                                         // 7
                "xref:99-missing.adoc[存在しない文書] は壊れている。", // 8
                "",                                         // 9
                "xref:01-intro.adoc#no-such-section[存在しない節] も壊れている。", // 10
                "",                                         // 11
                "<<here>> と fhir:MinimalPatient[] と link:qa.html[QA] と https://example.org/x[外部] は正しい。", // 12
                ""));

        TestProjects.CliResult result = TestProjects.runCli("build", "-q", "--project", project.toString());

        assertEquals(1, result.exitCode(), result.toString());
        List<String> errors = result.out().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(2, errors.size(), result.toString());
        assertTrue(errors.stream().anyMatch(l -> l.startsWith("spec/02-links.adoc:8: error:") && l.contains("99-missing.html")), result.toString());
        assertTrue(errors.stream().anyMatch(l -> l.startsWith("spec/02-links.adoc:10: error:") && l.contains("#no-such-section")), result.toString());
    }
}
