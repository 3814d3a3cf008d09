package jp.nexehrs.cli;

/** The process exit codes every command uses. */
public final class ExitCode {
    /** Done, no errors (warnings may have been reported). */
    public static final int OK = 0;
    /** The content has errors: a file, line and message were printed for each. */
    public static final int CONTENT_ERRORS = 1;
    /** Wrong options, no project, or the environment failed (disk, permissions). */
    public static final int USAGE_OR_ENVIRONMENT = 2;

    private ExitCode() {
    }
}
