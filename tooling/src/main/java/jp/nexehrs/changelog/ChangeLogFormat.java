package jp.nexehrs.changelog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A change log for the terminal ({@code text}) or for tools ({@code json}), each change with its rule. */
public final class ChangeLogFormat {
    private ChangeLogFormat() {
    }

    public static String text(ChangeLog log) {
        StringBuilder out = new StringBuilder();
        out.append("Changes from ").append(log.from().isEmpty() ? "(nothing)" : log.from()).append(" to ").append(log.to())
                .append(": ").append(log.breakingCount()).append(" breaking, ").append(log.nonBreakingCount()).append(" not breaking\n");
        for (Change change : log.changes()) {
            out.append(change.breaking() ? "BREAKING  " : "ok        ").append(change.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .append("  ").append(change.subject());
            if (!change.path().isEmpty()) out.append("  ").append(change.path());
            if (!change.before().isEmpty() || !change.after().isEmpty()) {
                out.append("  ").append(change.before().isEmpty() ? "-" : change.before()).append(" -> ")
                        .append(change.after().isEmpty() ? "-" : change.after());
            }
            out.append("\n          rule: ").append(change.kind().rule()).append('\n');
        }
        return out.toString();
    }

    public static String json(ChangeLog log) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", log.from());
        root.put("to", log.to());
        root.put("breaking", log.breakingCount());
        root.put("nonBreaking", log.nonBreakingCount());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change change : log.changes()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("kind", change.kind().name());
            c.put("breaking", change.breaking());
            c.put("subject", change.subject());
            c.put("path", change.path());
            c.put("before", change.before());
            c.put("after", change.after());
            c.put("rule", change.kind().rule());
            changes.add(c);
        }
        root.put("changes", changes);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
