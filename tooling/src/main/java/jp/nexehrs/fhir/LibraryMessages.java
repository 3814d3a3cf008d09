package jp.nexehrs.fhir;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The FHIR libraries' messages (the validator's, the snapshot generator's, the terminology's) in words a guide's
 * editor can act on: no HAPI message codes, no Java class names, object ids or {@code null}s. A message that only
 * reports a failure inside the library (a Java exception's text) says so, and which element could not be checked.
 */
public final class LibraryMessages {
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+: ");
    /** A Java object's default text, alone or in a list: {@code [org.hl7.fhir.r5.model.ValueSet$ConceptSetFilterComponent@241737c1]}. */
    private static final String OBJECT = "'?\\[?(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*(?:\\$[A-Za-z0-9_]+)*@[0-9a-f]+(?:, [^\\]]*)?]?'?";
    private static final Pattern FILTERS = Pattern.compile("filters " + OBJECT);
    private static final Pattern JAVA_OBJECT = Pattern.compile(OBJECT);
    /** A FHIR datatype's Java text around its value: {@code [CanonicalType[http://x]]}. */
    private static final Pattern DATATYPE = Pattern.compile("\\[?\\b[A-Z][A-Za-z]*Type\\[([^\\]]*)]]?");
    private static final Pattern NULL_VERSION = Pattern.compile(" version 'null'");
    private static final Pattern TRAILING_NULL = Pattern.compile(" \\(null\\)");
    /** HAPI's terminology repeats the unknown code in its own words: {@code Unknown code 'x'; Unknown code 'x' for in-memory expansion of ValueSet 'y'}. */
    private static final Pattern REPEATED_UNKNOWN_CODE = Pattern.compile("(Unknown code '([^']*)'); Unknown code '\\2' for in-memory expansion of ValueSet '[^']*'");
    private static final Pattern IN_MEMORY_EXPANSION = Pattern.compile(" for in-memory expansion of ValueSet '([^']*)'");
    /** Texts of Java exceptions that reach the message when the validator fails on an element. */
    private static final List<Pattern> INTERNAL_FAILURES = List.of(
            Pattern.compile("Cannot invoke \"[^\"]+\""),
            Pattern.compile("because \"[^\"]+\" is null"),
            Pattern.compile("\\b(?:java\\.lang\\.)?(?:NullPointerException|ClassCastException|IndexOutOfBoundsException|IllegalStateException)\\b"));

    private LibraryMessages() {
    }

    /** Whether {@code message} only reports a failure inside the validator. */
    public static boolean isInternalFailure(String message) {
        return INTERNAL_FAILURES.stream().anyMatch(p -> p.matcher(message).find());
    }

    /** What to show for an internal failure at {@code fhirPath}. */
    public static String internalFailure(String fhirPath) {
        return "the FHIR validator failed internally while checking " + (fhirPath.isEmpty() ? "this resource" : fhirPath)
                + ", so that part is not checked (a limit of the validator, not necessarily of the resource)";
    }

    /** A library's exception in words: its cleaned message, or that the library failed inside. */
    public static String of(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || isInternalFailure(message)) return "the FHIR library failed internally";
        return clean(message);
    }

    /** {@code message} without codes, Java object texts and nulls. */
    public static String clean(String message) {
        String text = HAPI_CODE.matcher(message).replaceAll("");
        text = FILTERS.matcher(text).replaceAll("its filters");
        text = DATATYPE.matcher(text).replaceAll("$1");
        text = JAVA_OBJECT.matcher(text).replaceAll("(a value the validator cannot show)");
        text = NULL_VERSION.matcher(text).replaceAll("");
        text = REPEATED_UNKNOWN_CODE.matcher(text).replaceAll("$1");
        text = IN_MEMORY_EXPANSION.matcher(text).replaceAll(" in value set '$1'");
        return TRAILING_NULL.matcher(text).replaceAll("");
    }
}
