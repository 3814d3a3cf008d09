package jp.nexehrs.publish;

/** PDFs were required (--pdf) but cannot be made on this machine: an environment error, nothing is written. */
public class PdfUnavailableException extends PublishException {
    public PdfUnavailableException(String message) {
        super(message, null);
    }
}
