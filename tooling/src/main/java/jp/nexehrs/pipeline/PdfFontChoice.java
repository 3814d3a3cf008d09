package jp.nexehrs.pipeline;

import jp.nexehrs.pdf.PdfFonts;
import jp.nexehrs.pdf.PdfRequest;
import jp.nexehrs.pdf.PdfUnavailableException;

import java.util.Optional;

/** Whether a build makes PDFs, and with which fonts: a build and a preview of its pages decide it the same way. */
final class PdfFontChoice {
    private PdfFontChoice() {
    }

    /** The fonts for the PDFs a build makes, if any; fails when PDFs are required and cannot be made. */
    static Optional<PdfFonts> fonts(PdfRequest request, Progress progress) throws PdfUnavailableException {
        if (request == PdfRequest.OFF) return Optional.empty();
        Optional<PdfFonts> fonts = PdfFonts.locate(System.getenv("NEXEHRS_PDF_FONTS"));
        if (fonts.isEmpty() && request == PdfRequest.REQUIRED) {
            throw new PdfUnavailableException("PDFs were required (--pdf) but no Japanese TrueType font was found: " + PdfFonts.INSTALL_HINT);
        }
        if (fonts.isEmpty()) progress.say("PDFs skipped: no Japanese TrueType font was found; " + PdfFonts.INSTALL_HINT);
        return fonts;
    }
}
