package jp.nexehrs.report;

/** Input that cannot be read at all: carries the file and position so the CLI can name them. */
public class SourceException extends NexehrsException {
    public SourceException(String file, int line, int column, String message, Throwable cause) {
        super(Kind.CONTENT, file, line, column, message, cause);
    }

    public SourceException(String file, int line, int column, String message) {
        this(file, line, column, message, null);
    }

    /** A source problem of another kind: what the machine lacks to read a file, rather than what the file got wrong. */
    protected SourceException(Kind kind, String file, int line, int column, String message) {
        super(kind, file, line, column, message, null);
    }

    public Finding toFinding() {
        return Finding.error(file(), line(), column(), getMessage());
    }

    @Override
    public String toLine() {
        return toFinding().toLine();
    }
}
