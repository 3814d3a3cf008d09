package jp.nexehrs.check;

import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A skipped heading level and an image without a text alternative are warnings on the document and line. */
class AccessibilityCheckTest {
    @TempDir
    Path dir;

    @Test
    void aSkippedHeadingLevelAndImagesWithoutAltAreWarningsWithFileAndLine() {
        Path project = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.write(project, "spec/02-a11y.adoc", String.join("\n",
                "= 図と見出し",                                  // 1
                "",                                              // 2
                "== 概要",                                       // 3
                "",                                              // 4
                "==== 細目",                                     // 5: h4 right after h2
                "",                                              // 6
                "image::figures/data-flow.png[]",                // 7: no alt (Asciidoctor writes "data flow")
                "",                                              // 8
                "image::figures/consent.png[同意の流れ]",          // 9: has alt
                "",                                              // 10
                "== 次の節",                                      // 11
                "",                                              // 12
                "=== 正しい順序",                                 // 13: h3 after h2 is fine
                "",                                              // 14
                "アイコン image:icons/warn-mark.svg[] を使う。",     // 15: inline, no alt
                ""));

        TestProjects.CliResult result = TestProjects.runCli("build", "--project", project.toString());

        List<String> warnings = result.out().lines().filter(l -> l.startsWith("spec/02-a11y.adoc:")).toList();
        assertTrue(warnings.stream().anyMatch(l -> l.startsWith("spec/02-a11y.adoc:5: warning:") && l.contains("細目")
                && l.contains("h4") && l.contains("h2")), result.toString());
        assertTrue(warnings.stream().anyMatch(l -> l.startsWith("spec/02-a11y.adoc:7: warning:") && l.contains("figures/data-flow.png")
                && l.contains("alternative text")), result.toString());
        assertTrue(warnings.stream().anyMatch(l -> l.startsWith("spec/02-a11y.adoc:15: warning:") && l.contains("icons/warn-mark.svg")), result.toString());
        assertEquals(3, warnings.size(), "one warning per problem, none for the image with alt text or the headings in order:\n" + result);
        assertEquals(3, warnings.stream().filter(l -> l.contains(AccessibilityCheck.HEADING_ORDER) || l.contains("alternative text")
                || l.contains("a level is skipped")).count(), "nothing about the image with alt text or the headings in order:\n" + result);
        assertEquals(0, result.exitCode(), "accessibility findings are warnings:\n" + result);
    }
}
