package jp.nexehrs.pdf;

import jp.nexehrs.report.NexehrsException;

/** PDFs were required (--pdf) but cannot be made on this machine: an environment error, nothing is written. */
public class PdfUnavailableException extends NexehrsException {
    public PdfUnavailableException(String message) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, null);
    }
}
