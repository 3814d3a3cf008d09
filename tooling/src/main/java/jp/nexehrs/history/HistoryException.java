package jp.nexehrs.history;

import jp.nexehrs.report.NexehrsException;

/** The Git history cannot be read as asked: no repository, a shallow clone, an unknown version. */
public final class HistoryException extends NexehrsException {
    public HistoryException(String message) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, null);
    }

    public HistoryException(String message, Throwable cause) {
        super(Kind.USAGE_OR_ENVIRONMENT, message, cause);
    }
}
