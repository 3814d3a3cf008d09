package jp.nexehrs.fsh;

/**
 * One error or warning SUSHI logged, with where it says it is: the file as SUSHI named it (a path in the folder it
 * compiled) and the line, 0 when it gave none; {@code appliedFile}/{@code appliedLine} where a rule set with the
 * problem was inserted.
 */
public record SushiMessage(boolean error, String message, String file, int line, String appliedFile, int appliedLine) {
    public SushiMessage {
        file = file == null ? "" : file;
        appliedFile = appliedFile == null ? "" : appliedFile;
    }
}
