package jp.nexehrs.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The asciidoctor-pdf theme for Japanese guidelines: IPAex Mincho for text, IPAex Gothic for headings, code
 * falls back to Gothic for Japanese characters. Written once per run to a temporary file, because the font
 * paths depend on the machine.
 */
public final class PdfTheme {
    private PdfTheme() {
    }

    public static Path write(PdfFonts fonts, Path folder) throws IOException {
        Files.createDirectories(folder);
        String gothic = fonts.gothic().toAbsolutePath().toString();
        String mincho = fonts.mincho().toAbsolutePath().toString();
        String theme = """
                extends: default
                font:
                  catalog:
                    merge: true
                    IPAexGothic:
                      normal: '%1$s'
                      bold: '%1$s'
                      italic: '%1$s'
                      bold_italic: '%1$s'
                    IPAexMincho:
                      normal: '%2$s'
                      bold: '%2$s'
                      italic: '%2$s'
                      bold_italic: '%2$s'
                  fallbacks: [IPAexGothic]
                base:
                  font-family: IPAexMincho
                  font-size: 10.5
                  line-height: 1.6
                heading:
                  font-family: IPAexGothic
                  font-style: normal
                title-page:
                  title:
                    font-family: IPAexGothic
                  subtitle:
                    font-family: IPAexGothic
                toc:
                  font-family: IPAexGothic
                table:
                  font-size: 9
                code:
                  font-size: 8.5
                """.formatted(gothic, mincho);
        Path file = folder.resolve("nexehrs-ja-theme.yml");
        Files.writeString(file, theme, StandardCharsets.UTF_8);
        return file;
    }
}
