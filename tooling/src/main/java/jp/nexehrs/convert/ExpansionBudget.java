package jp.nexehrs.convert;

import jp.nexehrs.report.Finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounds how large a document may grow once its attributes and includes are expanded, before Asciidoctor expands
 * them: ten attributes each repeating the previous one ten times make ten billion characters out of a few lines,
 * and the same goes for a fragment included ten times by a fragment included ten times. The document is walked
 * in order as Asciidoctor reads it (includes followed with {@link IncludeResolver}), counting the length each
 * attribute and each line expands to, and the walk stops at the first line past the budget, so it is cheap
 * however large the expansion would have been.
 */
final class ExpansionBudget {
    /** Characters one document may expand to: far above any guideline (this spec's largest is under 100,000). */
    static final long MAX_CHARACTERS = 8_000_000;
    private static final Pattern ENTRY = Pattern.compile("^:([A-Za-z0-9_][A-Za-z0-9_-]*)(!?):(?:[ \\t]+(.*))?$");
    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Za-z0-9_][A-Za-z0-9_-]*)}");
    private static final Pattern INCLUDE = Pattern.compile("^include::([^\\[]*)\\[");

    private final IncludeResolver includes;
    private final Map<String, Long> attributes = new HashMap<>();
    private long used;

    private ExpansionBudget(IncludeResolver includes) {
        this.includes = includes;
    }

    /** The error for a document that expands past {@link #MAX_CHARACTERS}, or empty. */
    static Optional<Finding> check(Path documentFile, String text, Path spec) {
        ExpansionBudget budget = new ExpansionBudget(new IncludeResolver(spec));
        return Optional.ofNullable(budget.walk(documentFile.toAbsolutePath().normalize(), text, 0));
    }

    private Finding walk(Path file, String text, int depth) {
        int lineNumber = 0;
        for (String line : text.split("\n", -1)) {
            lineNumber++;
            Matcher entry = ENTRY.matcher(line);
            Matcher include = INCLUDE.matcher(line);
            long length;
            if (entry.matches()) {
                length = expanded(entry.group(3) == null ? "" : entry.group(3));
                if (entry.group(2).isEmpty()) attributes.put(entry.group(1), length);
                else attributes.remove(entry.group(1));
            } else if (include.lookingAt() && depth < 64) {
                length = line.length();
                if (includes.resolve(file, include.group(1).strip()) instanceof IncludeResolver.Found found) {
                    used += length;
                    Finding inner = walk(found.file(), read(found.file()), depth + 1);
                    if (inner != null) return inner;
                    continue;
                }
            } else {
                length = expanded(line);
            }
            used += length + 1;
            if (length > MAX_CHARACTERS || used > MAX_CHARACTERS) {
                return Finding.error(includes.shown(file), lineNumber, 0, "the document grows past " + MAX_CHARACTERS / 1_000_000
                        + " million characters here once its attributes and includes are expanded (attributes that repeat other"
                        + " attributes, or fragments included again and again): write the text out instead");
            }
        }
        return null;
    }

    /** The length of {@code value} once the attributes it names are replaced (an unknown one stays as written). */
    private long expanded(String value) {
        long length = value.length();
        Matcher reference = REFERENCE.matcher(value);
        while (reference.find()) {
            Long replacement = attributes.get(reference.group(1));
            if (replacement != null) length += replacement - reference.group().length();
            if (length > MAX_CHARACTERS) return length; // already over: no need to add more (and no overflow)
        }
        return length;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // Asciidoctor reports the file it cannot read, on the include's line
        }
    }
}
