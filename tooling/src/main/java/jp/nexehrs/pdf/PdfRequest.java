package jp.nexehrs.pdf;

/** Whether a build makes PDFs: not at all, when the fonts are installed (nexehrs.yaml {@code pdf: true}), or without fail (--pdf). */
public enum PdfRequest {
    OFF, IF_AVAILABLE, REQUIRED;

    /** This request, raised to IF_AVAILABLE when the project asks for PDFs in nexehrs.yaml. */
    public PdfRequest withProjectSetting(boolean projectWantsPdf) {
        return this == OFF && projectWantsPdf ? IF_AVAILABLE : this;
    }
}
