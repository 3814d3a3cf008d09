package jp.nexehrs.node;

/** What a finished tool process said: its exit code and its two output streams, whole. */
public record ProcessOutput(int exitCode, String stdout, String stderr) {
    public boolean succeeded() {
        return exitCode == 0;
    }
}
