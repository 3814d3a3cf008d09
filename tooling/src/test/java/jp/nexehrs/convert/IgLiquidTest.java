package jp.nexehrs.convert;

import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The IG Publisher's Liquid: resolved where it has a meaning here, left out with a finding on its line where not. */
class IgLiquidTest {
    @TempDir
    Path root;

    private IgLiquid.Result resolve(String text) {
        ProjectConfig config = new ProjectConfig("a.b", "http://x.org/fhir", "1.2.0", "4.0.1", new ProjectConfig.Title("t", "t"),
                "draft", "p", "CC0-1.0", null, null, null, null, null, null, null, null);
        return new IgLiquid(root, config).resolve("input/pagecontent/p.md", text);
    }

    @Test
    void siteDataOutputsBecomeTheirValues() {
        IgLiquid.Result result = resolve("[R4]({{site.data.fhir.path}}patient.html) {{ site.data.fhir.version }} {{site.data.fhir.igVer}}");
        assertEquals("[R4](http://hl7.org/fhir/R4/patient.html) 4.0.1 1.2.0", result.text());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void includesComeFromInputIncludesWithTheirOwnLiquidAndNeverFromOutsideIt() throws Exception {
        Files.createDirectories(root.resolve("input/includes"));
        Files.writeString(root.resolve("input/includes/refs.md"), "[x]: {{site.data.fhir.path}}x.html\n");
        Files.writeString(root.resolve("secret.md"), "secret");
        IgLiquid.Result result = resolve("a\n{% include refs.md %}\n{% include ../../secret.md %}\n");
        assertEquals("a\n[x]: http://hl7.org/fhir/R4/x.html\n\n\n", result.text());
        assertEquals(1, result.findings().size());
        assertEquals(3, result.findings().get(0).line());
        assertEquals(Severity.ERROR, result.findings().get(0).severity());
    }

    @Test
    void highlightIsAFencedBlockAndRawIsKeptAsWritten() {
        IgLiquid.Result result = resolve("{% highlight json %}\n{}\n{% endhighlight %}\n{% raw %}{{ not.resolved }}{% endraw %}");
        assertEquals("```json\n{}\n```\n{{ not.resolved }}", result.text());
        assertEquals(List.of(), result.findings());
    }

    @Test
    void loopsAndUnknownOutputsAreLeftOutWholeWithAWarningOnTheirLine() {
        IgLiquid.Result result = resolve("a\n{%- for sd in site.data.structuredefinitions -%}\n{{sd.title}}\n{%- endfor -%}\nb {{page.path}} c\n"
                + "{% comment %}x{% endcomment %}d");
        assertEquals("a\n\nb  c\nd", result.text());
        List<Finding> findings = result.findings();
        assertEquals(List.of(2, 5), findings.stream().map(Finding::line).toList());
        assertTrue(findings.stream().allMatch(f -> f.severity() == Severity.WARNING), findings.toString());
        assertTrue(findings.get(0).message().startsWith("the IG Publisher's Liquid {% for sd in site.data.structuredefinitions %} is left out"),
                findings.get(0).message());
    }

    @Test
    void theTemplatesImageIncludeIsAFigureWithItsCaptionMadeSafe() {
        IgLiquid.Result result = resolve("{% include img.html img=\"a.png\" caption='図 1: \"引用\" <b>' width=\"40%\" %}\n{% include img.html %}\n");
        assertTrue(result.text().contains("<figure class=\"figure\"><img src=\"a.png\" alt=\"図 1: &quot;引用&quot; &lt;b&gt;\">"
                + "<figcaption>図 1: &quot;引用&quot; &lt;b&gt;</figcaption></figure>"), result.text());
        assertEquals(1, result.findings().size(), result.findings().toString());
        assertEquals(2, result.findings().get(0).line());
        assertTrue(result.findings().get(0).message().contains("names no image"), result.findings().get(0).message());
    }

    @Test
    void generatedFragmentsAreWarningsAndAStyleIsANoteWithLinesKept() {
        IgLiquid.Result result = resolve("<style>\np { }\n</style>\n{% include dependency-table.xhtml %}\n{% lang-fragment x.xhtml %}\n");
        assertEquals("\n\n\n\n\n", result.text());
        assertEquals(List.of(Severity.INFORMATION, Severity.WARNING, Severity.WARNING),
                result.findings().stream().map(Finding::severity).toList());
        assertEquals(List.of(1, 4, 5), result.findings().stream().map(Finding::line).toList());
    }

    @Test
    void anUnclosedRawIsAnError() {
        IgLiquid.Result result = resolve("x\n{% raw %}never closed");
        assertEquals("x\n", result.text());
        assertEquals(Severity.ERROR, result.findings().get(0).severity());
    }
}
