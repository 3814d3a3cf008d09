package jp.nexehrs.pdf;

import jp.nexehrs.convert.DocumentConverter;
import org.asciidoctor.Attributes;
import org.asciidoctor.AttributesBuilder;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AsciiDoc text as PDF with asciidoctor-pdf, on the document converter's Ruby runtime and under the same SAFE-mode jail. */
final class PdfRenderer {
    /** A PDF and what Asciidoctor said while making it (a missing image or font, say), as "file:line: message". */
    record Rendering(byte[] pdf, List<String> problems) {}

    private final DocumentConverter converter;

    PdfRenderer(DocumentConverter converter) {
        this.converter = converter;
    }

    /**
     * @param docFile    where the text lives
     * @param specFolder the project's spec/: includes resolve against it and stay inside it, as in the HTML conversion
     * @param attributes theme, fonts and other PDF attributes
     */
    Rendering render(String text, Path docFile, Path specFolder, Map<String, String> attributes) {
        AttributesBuilder builder = Attributes.builder()
                .attribute("docfile", docFile.toString())
                .attribute("docdir", docFile.getParent().toString())
                .attribute("scripts", "cjk")
                .attribute("lang", "ja");
        attributes.forEach(builder::attribute);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Options options = Options.builder().safe(SafeMode.SAFE).baseDir(specFolder.toFile()).backend("pdf")
                .standalone(true).toStream(pdf).attributes(builder.build()).build();
        List<String> problems = new ArrayList<>();
        converter.onRuntime(problems, asciidoctor -> asciidoctor.convert(text, options));
        return new Rendering(pdf.toByteArray(), List.copyOf(problems));
    }
}
