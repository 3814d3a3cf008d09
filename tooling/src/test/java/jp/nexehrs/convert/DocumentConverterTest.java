package jp.nexehrs.convert;

import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static jp.nexehrs.testing.TestProjects.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Document conversion with the real Asciidoctor: one converter and one conversion of a project holding the
 * fixture's document and three broken ones, shared by every test (Asciidoctor takes seconds to start).
 */
class DocumentConverterTest {
    @TempDir
    static Path dir;
    private static DocumentConverter documents;
    private static Converted converted;

    /** 1-based lines of the problems in the broken documents. */
    private static final int UNKNOWN_LINE = 4;
    private static final int SECOND_LINE_UNKNOWN = 7;
    private static final int PASSWD_LINE = 5;
    private static final int ABSOLUTE_LINE = 5;

    @BeforeAll
    static void convertOnce() throws Exception {
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        TestProjects.write(root, "spec/02-unknown.adoc", "= 不明\n:revnumber: 0.1.0\n\nこれは fhir:Unknown[] への参照。\n\n段落の二行目に\nfhir:AlsoUnknown[] がある。\n");
        TestProjects.write(root, "spec/03-passwd.adoc", "= 外部\n:revnumber: 0.1.0\n\n前の段落。\n\ninclude::../../etc/passwd[]\n".replace("\n\ninclude", "\ninclude"));
        TestProjects.write(root, "spec/04-absolute.adoc", "= 絶対\n:revnumber: 0.1.0\n\n前の段落。\ninclude::/etc/passwd[]\n");
        FhirEngine engine = new FhirEngine();
        Project project = new ProjectLoader(engine).load(root);
        assertTrue(project.findings().isEmpty(), describe(project.findings()));
        documents = new DocumentConverter();
        converted = new Converter(engine, () -> documents).convert(project, true);
    }

    @AfterAll
    static void close() {
        if (documents != null) documents.close();
    }

    private static ConvertedDocument document(String id) {
        return converted.documents().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void titleHeaderAndHeadings() {
        ConvertedDocument intro = document("01-intro");

        assertEquals("はじめに", intro.title());
        assertEquals(new ConvertedDocument.Header("1.0.0", "draft", "テストWG", "最小の文書"), intro.header());
        assertEquals(List.of("本人", "二次利用"), intro.headings().stream().map(ConvertedDocument.Heading::title).toList());
        assertTrue(intro.headings().stream().allMatch(h -> h.level() == 1));
        assertTrue(intro.htmlBody().contains("仮名化したデータを使う。"));
        assertTrue(TestProjects.on(converted.findings(), "spec/01-intro.adoc").isEmpty(), describe(converted.findings()));
    }

    @Test
    void artifactMacrosBecomeLinksToTheirPages() {
        ConvertedDocument intro = document("01-intro");

        assertTrue(intro.htmlBody().contains("href=\"StructureDefinition-minimal-patient.html\""), intro.htmlBody());
        assertTrue(intro.htmlBody().contains(">最小の患者</a>"), "the label is the profile's title: " + intro.htmlBody());
        assertTrue(intro.htmlBody().contains("href=\"ValueSet-minimal-marital-status.html\""), intro.htmlBody());
        assertTrue(intro.htmlBody().contains(">値セット</a>"), "explicit link text is kept: " + intro.htmlBody());
        assertFalse(intro.htmlBody().contains("fhir:"), intro.htmlBody());
        assertEquals(List.of("StructureDefinition-minimal-patient", "ValueSet-minimal-marital-status"), intro.linkedArtifacts());
    }

    @Test
    void anUnknownArtifactIsAnErrorOnTheDocumentAndLine() {
        Finding finding = unknown("fhir:Unknown[]");

        assertTrue(finding.isError());
        assertEquals("spec/02-unknown.adoc", finding.file());
        assertEquals(UNKNOWN_LINE, finding.line(), finding.toLine());
        assertTrue(document("02-unknown").htmlBody().contains("Unknown"), "the name stays visible on the page");
    }

    @Test
    void anUnknownArtifactOnTheSecondLineOfAParagraphNamesThatLine() {
        Finding finding = unknown("fhir:AlsoUnknown[]");

        assertTrue(finding.isError());
        assertEquals(SECOND_LINE_UNKNOWN, finding.line(), finding.toLine());
    }

    private static Finding unknown(String macro) {
        List<Finding> findings = TestProjects.on(converted.findings(), "spec/02-unknown.adoc").stream()
                .filter(f -> f.message().contains(macro)).toList();
        assertEquals(1, findings.size(), describe(converted.findings()));
        return findings.get(0);
    }

    @Test
    void anIncludeOutsideTheProjectIsAnErrorOnTheDocumentAndLine() {
        List<Finding> errors = TestProjects.errors(TestProjects.on(converted.findings(), "spec/03-passwd.adoc"));

        assertFalse(errors.isEmpty(), describe(converted.findings()));
        assertTrue(errors.stream().anyMatch(f -> f.line() == PASSWD_LINE), describe(errors));
        assertFalse(document("03-passwd").htmlBody().contains("root:"), "nothing of /etc/passwd reaches the page");
    }

    @Test
    void anAbsoluteIncludeIsAnErrorOnTheDocumentAndLine() {
        List<Finding> errors = TestProjects.errors(TestProjects.on(converted.findings(), "spec/04-absolute.adoc"));

        assertFalse(errors.isEmpty(), describe(converted.findings()));
        assertTrue(errors.stream().anyMatch(f -> f.line() == ABSOLUTE_LINE), describe(errors));
        assertFalse(document("04-absolute").htmlBody().contains("root:"), "nothing of /etc/passwd reaches the page");
    }
}
