package jp.nexehrs.util;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jp.nexehrs.report.SourceException;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Says what is wrong with a YAML file in the file's own terms: the key path as written ({@code dependencies,
 * entry 1, id}), the line where that entry starts, and what the value should be; never the names of the classes
 * it is read into or the binder's own phrasing.
 */
final class YamlMessages {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private YamlMessages() {
    }

    static SourceException ofMapping(JsonMappingException e, byte[] yaml, String file) {
        String pointer = pointer(e);
        YamlPositions.Position at;
        try {
            at = YamlPositions.index(yaml, file).at(pointer);
        } catch (SourceException unreadable) {
            at = new YamlPositions.Position(Math.max(0, e.getLocation() == null ? 0 : e.getLocation().getLineNr()), 0);
        }
        String where = where(e);
        String message;
        Matcher missing = MISSING.matcher(String.valueOf(e.getOriginalMessage()));
        if (missing.find()) {
            message = (where.isEmpty() ? "the file" : where) + " lacks the required key '" + missing.group(1) + "': add it";
        } else if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            message = (where.isEmpty() ? "" : where + ": ") + e.getCause().getMessage();
        } else if (e instanceof InvalidFormatException invalid) {
            message = (where.isEmpty() ? "the value" : where) + " cannot be '" + invalid.getValue() + "': write " + expected(invalid.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = (where.isEmpty() ? "the file" : where) + " has the wrong form: write " + expected(mismatch.getTargetType());
        } else {
            message = (where.isEmpty() ? "the file" : where) + " cannot be read as written: compare it with the documented form";
        }
        return new SourceException(file, at.line(), at.column(), message, e);
    }

    /** A parse error: the YAML parser's short reason, and what usually causes it. */
    static String ofSyntax(String original) {
        String reason = original == null ? "" : original.lines().map(String::trim).filter(l -> !l.isEmpty()
                && !l.startsWith("in '") && !l.startsWith("at [")).findFirst().orElse("");
        return "not valid YAML" + (reason.isEmpty() ? "" : " (" + reason + ")")
                + ": check the indentation, the ':' after each key and the quotes";
    }

    /** e.g. {@code 'dependencies', entry 1, 'id'}. */
    private static String where(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? "'" + r.getFieldName() + "'" : "entry " + (r.getIndex() + 1))
                .collect(Collectors.joining(", "));
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            out.append('/').append(r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()));
        }
        return out.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) return "a value of the documented form";
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) return "a list (lines starting with '- ')";
        if (type == String.class) return "a text";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (Map.class.isAssignableFrom(type) || type.isRecord()) return "a mapping (indented 'key: value' lines)";
        return "a value of the documented form";
    }
}
