package jp.nexehrs.pdf;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.convert.DocumentConverter;
import jp.nexehrs.load.ProjectConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.nexehrs.util.Folders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PDFs of the guidelines, which committees circulate and ministries file: one per document
 * ({@code pdf/<document>.pdf}) and the whole set as one book ({@code pdf/book.pdf}), with embedded Japanese fonts.
 */
public final class PdfOutputs {
    public static final String FOLDER = "pdf/";
    public static final String BOOK = FOLDER + "book.pdf";

    private final PdfRenderer renderer;
    private final PdfFonts fonts;

    public PdfOutputs(DocumentConverter converter, PdfFonts fonts) {
        this.renderer = new PdfRenderer(converter);
        this.fonts = fonts;
    }

    /** The site path of a document's PDF. */
    public static String pathOf(ConvertedDocument document) {
        return FOLDER + document.id() + ".pdf";
    }

    /** The PDFs, and what Asciidoctor reported while making them, for the user to see. */
    public record Rendered(List<SiteFile> files, List<String> problems) {}

    public Rendered render(ProjectConfig config, List<ConvertedDocument> documents) {
        if (documents.isEmpty()) return new Rendered(List.of(), List.of());
        Path themeFolder = null;
        try {
            themeFolder = Files.createTempDirectory("nexehrs-pdf-theme");
            Path theme = PdfTheme.write(fonts, themeFolder);
            Map<String, String> attributes = Map.of("pdf-theme", theme.toString(), "pdf-fontsdir", fonts.gothic().getParent().toString(),
                    "reproducible", "", "toc", "", "toc-title", "目次", "revremark", config.status());
            List<SiteFile> files = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            Path specFolder = documents.get(0).source().projectRoot().resolve(jp.nexehrs.load.ProjectLoader.SPEC_DIR);
            for (ConvertedDocument document : documents) {
                add(files, problems, pathOf(document), renderer.render(document.source().text(), document.source().path(), specFolder, attributes));
            }
            add(files, problems, BOOK, renderer.render(bookText(config, documents, specFolder), specFolder.resolve("_book.adoc"), specFolder, attributes));
            return new Rendered(files, problems);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PDF theme", e);
        } finally {
            if (themeFolder != null) Folders.deleteQuietly(themeFolder);
        }
    }

    private static void add(List<SiteFile> files, List<String> problems, String path, PdfRenderer.Rendering rendering) {
        files.add(new SiteFile(path, rendering.pdf()));
        rendering.problems().forEach(problem -> problems.add(path + ": " + problem));
    }

    /** The whole guideline set as one book: each document a chapter, included from spec/ like any include. */
    static String bookText(ProjectConfig config, List<ConvertedDocument> documents, Path specFolder) {
        StringBuilder book = new StringBuilder("= ").append(config.title().ja()).append('\n')
                .append(":doctype: book\n:revnumber: ").append(config.version()).append("\n:author: ").append(config.publisher())
                .append("\n:title-page:\n\n");
        for (ConvertedDocument document : documents) {
            String relative = specFolder.relativize(document.source().path()).toString().replace('\\', '/');
            book.append("include::").append(relative).append("[leveloffset=+1]\n\n");
        }
        return book.toString();
    }

}
