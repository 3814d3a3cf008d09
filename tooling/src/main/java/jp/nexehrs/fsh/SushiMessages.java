package jp.nexehrs.fsh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SUSHI's log: each message starts with its level ({@code error}, {@code warn}) and may be followed by
 * {@code   File: <path>} and {@code   Line: <n>[ - <m>]} (and {@code Applied in File:}/{@code Applied on Line:} for
 * a rule set's rule). Information lines and the closing summary are passed over.
 */
public final class SushiMessages {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final Pattern START = Pattern.compile("^(error|warn|info|debug)\\s+(.*)$");
    private static final Pattern DETAIL = Pattern.compile("^\\s+(File|Line|Applied in File|Applied on Line):\\s*(.*)$");
    private static final Pattern FIRST_NUMBER = Pattern.compile("(\\d+)");

    private SushiMessages() {
    }

    public static List<SushiMessage> read(String log) {
        List<SushiMessage> messages = new ArrayList<>();
        Pending pending = null;
        for (String raw : ANSI.matcher(log).replaceAll("").split("\r?\n")) {
            Matcher start = START.matcher(raw);
            if (start.matches()) {
                if (pending != null) pending.finish(messages);
                String level = start.group(1);
                pending = level.equals("error") || level.equals("warn") ? new Pending(level.equals("error"), start.group(2).strip()) : null;
                continue;
            }
            if (pending == null) continue;
            Matcher detail = DETAIL.matcher(raw);
            if (detail.matches()) {
                pending.detail(detail.group(1), detail.group(2).strip());
            } else if (!raw.isBlank() && !pending.hasLocation() && !boxDrawing(raw)) {
                pending.text.append('\n').append(raw.strip());
            } else {
                pending.finish(messages);
                pending = null;
            }
        }
        if (pending != null) pending.finish(messages);
        return messages;
    }

    /** SUSHI's closing summary is drawn in a box, which is no part of a message. */
    private static boolean boxDrawing(String line) {
        String stripped = line.strip();
        return !stripped.isEmpty() && stripped.charAt(0) >= '\u2500' && stripped.charAt(0) <= '\u257F';
    }

    private static int firstNumber(String text) {
        Matcher m = FIRST_NUMBER.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final class Pending {
        private final boolean error;
        private final StringBuilder text;
        private String file = "";
        private int line;
        private String appliedFile = "";
        private int appliedLine;

        Pending(boolean error, String first) {
            this.error = error;
            this.text = new StringBuilder(first);
        }

        boolean hasLocation() {
            return !file.isEmpty() || line > 0;
        }

        void detail(String name, String value) {
            switch (name) {
                case "File" -> file = value;
                case "Line" -> line = firstNumber(value);
                case "Applied in File" -> appliedFile = value;
                default -> appliedLine = firstNumber(value);
            }
        }

        void finish(List<SushiMessage> into) {
            into.add(new SushiMessage(error, text.toString().strip(), file, line, appliedFile, appliedLine));
        }
    }
}
