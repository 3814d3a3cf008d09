package jp.nexehrs.pipeline;

/** Where the pipeline says what it is doing; the CLI prints it unless --quiet. */
@FunctionalInterface
public interface Progress {
    void say(String message);

    Progress SILENT = message -> { };
}
