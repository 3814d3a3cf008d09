package jp.nexehrs.pdf;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.testing.TestProjects;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A guideline's PDF carries its Japanese text with the font embedded: checked with poppler's pdftotext and
 * pdffonts, as a reader's tools would see it. Skips with a message where the fonts or poppler are missing.
 */
class PdfOutputsTest {
    @TempDir
    Path dir;

    @Test
    void aGuidelinePdfHasItsJapaneseTextAndEmbedsTheFont() throws Exception {
        var fonts = PdfFonts.locate(System.getenv("NEXEHRS_PDF_FONTS"));
        Assumptions.assumeTrue(fonts.isPresent(), "SKIPPED: no Japanese TrueType font: " + PdfFonts.INSTALL_HINT);
        Assumptions.assumeTrue(run("pdftotext", "-v").exit() == 0 || run("pdftotext", "-v").exit() == 99,
                "SKIPPED: pdftotext not installed (apt-get install poppler-utils)");
        Path root = TestProjects.copyMinimal(dir.resolve("project"));
        FhirEngine engine = new FhirEngine();
        Project project = new ProjectLoader(engine).load(root);
        List<SiteFile> files;
        try (DocumentConverter converter = new DocumentConverter()) {
            List<ConvertedDocument> documents = new Converter(engine, () -> converter).headers(project);
            files = new PdfOutputs(converter, fonts.get()).render(project.config(), documents).files();
        }

        assertEquals(List.of("pdf/01-intro.pdf", PdfOutputs.BOOK), files.stream().map(SiteFile::path).toList());
        Path pdf = dir.resolve("01-intro.pdf");
        Files.write(pdf, files.get(0).content());
        String text = run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").output();
        assertTrue(text.contains("はじめに") && text.contains("仮名化したデータを使う"), text);
        String fontList = run("pdffonts", pdf.toString()).output();
        assertTrue(fontList.contains("IPAex") && fontList.lines().filter(l -> l.contains("IPAex")).allMatch(l -> l.contains(" yes ")),
                "IPAex fonts embedded:\n" + fontList);
        Path book = dir.resolve("book.pdf");
        Files.write(book, files.get(1).content());
        assertTrue(run("pdftotext", "-enc", "UTF-8", book.toString(), "-").output().contains("最小の仕様"), "the book has the spec's title");
    }

    @Test
    void aConfiguredFontFolderWithoutTheFontsMeansNoPdfFonts() {
        org.junit.jupiter.api.Assertions.assertTrue(PdfFonts.locate(dir.resolve("no-fonts-here").toString()).isEmpty());
    }

    record Run(int exit, String output) {}

    private static Run run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(60, TimeUnit.SECONDS) ? new Run(process.exitValue(), output) : new Run(-1, output);
        } catch (IOException e) {
            return new Run(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "interrupted");
        }
    }
}
