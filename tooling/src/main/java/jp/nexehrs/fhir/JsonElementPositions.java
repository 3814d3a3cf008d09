package jp.nexehrs.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each element of a JSON resource is, by its FHIRPath as the validator writes it
 * ({@code Patient.maritalStatus.coding[0].code}), so that a message can be placed at the nearest element that exists
 * in the file: a missing required element at its parent, the resource itself at its {@code resourceType}.
 */
public final class JsonElementPositions {
    private static final JsonFactory JSON = new JsonFactory();
    /** The validator's notes inside a path: {@code Bundle.entry[0].resource/*Patient/1*}{@code /.name[0]}. */
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/");
    private static final Pattern OF_TYPE = Pattern.compile("\\.ofType\\([^)]*\\)");

    /** A 1-based line and column. */
    public record Position(int line, int column) {}

    private final Map<String, Position> positions;
    private final Position root;

    private JsonElementPositions(Map<String, Position> positions, Position root) {
        this.positions = positions;
        this.root = root;
    }

    /** The positions in {@code text}, or empty when it is not well-formed JSON with an object at its root. */
    public static Optional<JsonElementPositions> of(String text) {
        Map<String, Position> positions = new HashMap<>();
        Position root = null;
        try (JsonParser parser = JSON.createParser(text)) {
            Deque<String> paths = new ArrayDeque<>();
            Deque<Integer> indexes = new ArrayDeque<>();
            String pendingName = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        pendingName = parser.currentName();
                        String path = join(paths.peek(), pendingName);
                        Position at = position(parser.currentTokenLocation());
                        positions.putIfAbsent(path, at);
                        if (paths.size() == 1 && pendingName.equals("resourceType") && root == null) root = at;
                    }
                    case START_OBJECT, START_ARRAY -> {
                        String path = containerPath(paths, indexes, pendingName);
                        if (paths.isEmpty() && token == JsonToken.START_ARRAY) return Optional.empty();
                        if (path != null) positions.putIfAbsent(path, position(parser.currentTokenLocation()));
                        paths.push(path == null ? "" : path);
                        indexes.push(token == JsonToken.START_ARRAY ? 0 : -1);
                        pendingName = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        paths.pop();
                        indexes.pop();
                        advance(indexes);
                    }
                    default -> {
                        if (!indexes.isEmpty() && indexes.peek() >= 0) {
                            positions.putIfAbsent(paths.peek() + "[" + indexes.peek() + "]", position(parser.currentTokenLocation()));
                        }
                        advance(indexes);
                        pendingName = null;
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return root == null ? Optional.empty() : Optional.of(new JsonElementPositions(positions, root));
    }

    /** The path of an object or array that starts now: a property's value, an array's next item, or the root (""). */
    private static String containerPath(Deque<String> paths, Deque<Integer> indexes, String name) {
        if (paths.isEmpty()) return "";
        if (indexes.peek() >= 0) return paths.peek() + "[" + indexes.peek() + "]";
        return join(paths.peek(), name);
    }

    /** After a value inside an array, the next item's index. */
    private static void advance(Deque<Integer> indexes) {
        if (!indexes.isEmpty() && indexes.peek() >= 0) indexes.push(indexes.pop() + 1);
    }

    private static String join(String parent, String name) {
        return parent == null || parent.isEmpty() ? name : parent + "." + name;
    }

    private static Position position(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    /**
     * The position of the element {@code fhirPath} names or, when it is not in the file, of its nearest ancestor that
     * is; the resource itself is at its {@code resourceType}.
     */
    public Position nearest(String fhirPath) {
        String path = OF_TYPE.matcher(COMMENT.matcher(fhirPath).replaceAll("")).replaceAll("");
        int dot = path.indexOf('.');
        // The first step is the resource type, the root.
        path = dot < 0 ? "" : path.substring(dot + 1);
        while (!path.isEmpty()) {
            Position at = positions.get(path);
            if (at != null) return at;
            path = parentOf(path);
        }
        return root;
    }

    /** Whether {@code line:column} is where the root object opens (where the validator puts what it cannot place). */
    public boolean isRootOpening(int line, int column) {
        Position opening = positions.get("");
        return opening != null && opening.line() == line && (opening.column() == column || opening.column() + 1 == column);
    }

    private static String parentOf(String path) {
        if (path.endsWith("]")) return path.substring(0, path.lastIndexOf('['));
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }
}
