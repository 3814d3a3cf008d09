package jp.nexehrs.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.nexehrs.report.SourceException;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a YAML document starts, keyed by JSON Pointer ({@code /votes/2}, {@code /votes/2/vote}).
 * Jackson binds records without positions; this index lets a later check name the line of one entry.
 */
public final class YamlPositions {
    /** A 1-based line and column. */
    public record Position(int line, int column) {
    }

    private final String file;
    private final Map<String, Position> byPointer;
    private final Map<String, Position> keysByPointer;

    private YamlPositions(String file, Map<String, Position> byPointer, Map<String, Position> keysByPointer) {
        this.file = file;
        this.byPointer = Map.copyOf(byPointer);
        this.keysByPointer = Map.copyOf(keysByPointer);
    }

    /** An index with no positions: every lookup answers line 1, column 1 (for values built in code). */
    public static YamlPositions none(String file) {
        return new YamlPositions(file, Map.of(), Map.of());
    }

    /** A key given twice in one mapping: where each occurrence is. */
    public record Duplicate(String key, Position first, Position second) {
    }

    /** The first key given twice in one mapping, or null; a document YAML cannot parse has none to report. */
    static Duplicate firstDuplicateKey(byte[] yaml) {
        java.util.ArrayDeque<Map<String, Position>> mappings = new java.util.ArrayDeque<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.START_OBJECT) mappings.push(new HashMap<>());
                else if (token == JsonToken.END_OBJECT) mappings.pop();
                else if (token == JsonToken.FIELD_NAME && !mappings.isEmpty()) {
                    JsonLocation at = parser.currentTokenLocation();
                    Position here = new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
                    Position before = mappings.peek().putIfAbsent(parser.currentName(), here);
                    if (before != null) return new Duplicate(parser.currentName(), before, here);
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    static YamlPositions index(byte[] yaml, String file) throws SourceException {
        Map<String, Position> positions = new HashMap<>();
        Map<String, Position> keys = new HashMap<>();
        try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    JsonLocation at = parser.currentTokenLocation();
                    keys.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                            new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
                }
                if (token == JsonToken.FIELD_NAME || token.isStructEnd()) continue;
                JsonLocation at = parser.currentTokenLocation();
                // the first token at a pointer is where that entry starts
                positions.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        new Position(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())));
            }
        } catch (IOException e) {
            throw new SourceException(file, 0, 0, "cannot index positions: " + e.getMessage(), e);
        }
        return new YamlPositions(file, positions, keys);
    }

    /**
     * Where the key of the entry at {@code pointer} is written ({@code /dependencies/c.d}: the line of {@code c.d:}), which
     * for a mapping value is a line above where the value starts; {@link #at} when the entry has no key.
     */
    public Position keyAt(String pointer) {
        Position key = keysByPointer.get(pointer);
        return key != null ? key : at(pointer);
    }

    /** The file as the user sees it. */
    public String file() {
        return file;
    }

    /**
     * Where the entry at {@code pointer} starts; for a key that is absent, where its nearest enclosing entry
     * starts (so "missing key" errors point at the object that lacks it).
     */
    public Position at(String pointer) {
        String p = pointer;
        while (true) {
            Position found = byPointer.get(p);
            if (found != null) return found;
            if (p.isEmpty()) return new Position(1, 1);
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }
}
