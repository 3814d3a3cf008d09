package jp.nexehrs.report;

/**
 * Every way a command can stop short, as one type: it carries the exit code the command ends with and, when the
 * failure is in a file, that file and position. The CLI catches this alone; each stage throws its own subclass
 * (a source that cannot be read, no project, an unreadable history, output that cannot be written, a broken
 * template, PDFs that cannot be made).
 */
public abstract class NexehrsException extends Exception {
    /** What kind of failure, and so which exit code (the codes the CLI documents). */
    public enum Kind {
        /** The content has errors (a document, resource, governance record or template of the project). */
        CONTENT(1),
        /** Wrong options, no project, or the environment failed (disk, permissions, fonts, history). */
        USAGE_OR_ENVIRONMENT(2);

        private final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    private final Kind kind;
    private final String file;
    private final int line;
    private final int column;

    /** A failure not tied to one file. */
    protected NexehrsException(Kind kind, String message, Throwable cause) {
        this(kind, "", 0, 0, message, cause);
    }

    /** @param file the project-relative file the failure is in, or "" when none; line and column 0 when unknown */
    protected NexehrsException(Kind kind, String file, int line, int column, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Kind kind() { return kind; }
    public int exitCode() { return kind.exitCode(); }
    /** The file the failure is in, or "" when it is not in one file. */
    public String file() { return file; }
    public int line() { return line; }
    public int column() { return column; }

    /** The one line a user reads: what is wrong and, where known, the file and position. */
    public String toLine() {
        return getMessage();
    }
}
