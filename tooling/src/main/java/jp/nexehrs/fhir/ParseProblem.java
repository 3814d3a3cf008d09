package jp.nexehrs.fhir;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A content problem the parser passed over in a strictly read file. {@code harmless} problems leave the resource
 * as its authors meant it (an empty string dropped) and are warnings; the others are errors. {@code near} finds the
 * line in the text, where the parser gives none.
 */
public record ParseProblem(String message, boolean harmless, Optional<Pattern> near) {
    static ParseProblem of(String message) {
        return new ParseProblem(message, false, Optional.empty());
    }

    static ParseProblem harmless(Pattern near, String message) {
        return new ParseProblem(message, true, Optional.of(near));
    }
}
