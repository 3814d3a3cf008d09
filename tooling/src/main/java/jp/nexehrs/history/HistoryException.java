package jp.nexehrs.history;

/** The Git history cannot be read as asked: no repository, a shallow clone, an unknown version. */
public final class HistoryException extends Exception {
    public HistoryException(String message) {
        super(message);
    }

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
