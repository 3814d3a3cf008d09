package jp.nexehrs.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jp.nexehrs.report.SourceException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a YAML file into a record type. Unknown keys are errors (a typo must not be silently ignored), so are
 * duplicate keys (the last one would silently win while a reader sees the first), and every failure names the
 * file, line and column in the words of the file, not of the classes it is read into.
 */
public final class YamlReader {
    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    /** @param displayName the file as the user should see it (relative to the project) */
    public <T> T read(Path file, String displayName, Class<T> type) throws SourceException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new SourceException(displayName, 1, 1, "the file is empty");
        }
        try {
            T value = mapper.readValue(bytes, type);
            if (value == null) throw new SourceException(displayName, 1, 1, "the file holds no YAML document");
            return value;
        } catch (UnrecognizedPropertyException e) {
            // Jackson buffers record properties, so its location is the end of the object: find the key instead.
            int keyLine = lineOfKey(bytes, e.getPropertyName());
            JsonLocation at = e.getLocation();
            throw new SourceException(displayName, keyLine > 0 ? keyLine : line(at), keyLine > 0 ? 0 : column(at),
                    "unknown key '" + e.getPropertyName() + "'; known keys: " + e.getKnownPropertyIds(), e);
        } catch (JsonProcessingException e) {
            // The duplicate is found while binding, so it may arrive wrapped as a mapping error: look for it first.
            YamlPositions.Duplicate duplicate = YamlPositions.firstDuplicateKey(bytes);
            if (duplicate != null) {
                throw new SourceException(displayName, duplicate.second().line(), duplicate.second().column(),
                        "key '" + duplicate.key() + "' is given twice, on lines " + duplicate.first().line() + " and "
                                + duplicate.second().line() + ": keep one", e);
            }
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) throw YamlMessages.ofMapping(mapping, bytes, displayName);
            JsonLocation at = e.getLocation();
            throw new SourceException(displayName, line(at), column(at), YamlMessages.ofSyntax(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads like {@link #read} and also returns where each object, list and value starts, so a caller can
     * point a later (semantic) error at the exact entry, e.g. the third vote of a ballot.
     */
    public <T> Located<T> readLocated(Path file, String displayName, Class<T> type) throws SourceException {
        T value = read(file, displayName, type);
        try {
            return new Located<>(value, YamlPositions.index(Files.readAllBytes(file), displayName));
        } catch (IOException e) {
            throw new SourceException(displayName, 0, 0, "cannot read: " + e.getMessage(), e);
        }
    }

    /** A value read from YAML with the positions of its parts. */
    public record Located<T>(T value, YamlPositions positions) {
    }

    private static int lineOfKey(byte[] bytes, String key) {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile("^\\s*(-\\s+)?\"?" + java.util.regex.Pattern.quote(key) + "\"?\\s*:");
        String[] lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (pattern.matcher(lines[i]).find()) return i + 1;
        return 0;
    }

    private static int line(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getLineNr());
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : Math.max(0, at.getColumnNr());
    }
}
