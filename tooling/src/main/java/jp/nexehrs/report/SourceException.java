package jp.nexehrs.report;

/** Input that cannot be read at all: carries the file and position so the CLI can name them. */
public class SourceException extends Exception {
    private final String file;
    private final int line;
    private final int column;

    public SourceException(String file, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public SourceException(String file, int line, int column, String message) {
        this(file, line, column, message, null);
    }

    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }

    public Finding toFinding() {
        return Finding.error(file, line, column, getMessage());
    }
}
