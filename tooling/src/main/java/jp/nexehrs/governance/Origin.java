package jp.nexehrs.governance;

/** Where a governance record came from: file relative to the project root (forward slashes), 1-based line and column. */
public record Origin(String file, int line, int column) {
    /** "file:line", the form used inside messages that point at another file. */
    public String ref() {
        return line > 0 ? file + ":" + line : file;
    }
}
