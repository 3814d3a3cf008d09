package jp.nexehrs.fhir;

import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses on through content that is not valid FHIR (an empty string, an unknown element, a wrong JSON type) and
 * keeps a message for each, so that one bad value in a profile is reported as an error on that file while the
 * profile still loads, instead of the profile vanishing and every example that uses it failing too.
 */
final class CollectingParserErrorHandler extends LenientErrorHandler {
    private final List<ParseProblem> problems = new ArrayList<>();

    CollectingParserErrorHandler() {
        super(false);
        setErrorOnInvalidValue(false);
    }

    List<ParseProblem> problems() {
        return List.copyOf(problems);
    }

    private static String where(IParseLocation location) {
        return location == null || location.getParentElementName() == null ? "" : " (in " + location.getParentElementName() + ")";
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
        if (value != null && value.isEmpty() && location != null && location.getParentElementName() != null) {
            // Published packages carry "comment": "" and the like; the value means nothing and is dropped.
            String element = location.getParentElementName();
            problems.add(ParseProblem.harmless(Pattern.compile("\"" + Pattern.quote(element) + "\"\\s*:\\s*\"\"|" + Pattern.quote(element) + "\\s+value=\"\""),
                    "empty value of '" + element + "' ignored (FHIR allows no empty strings: leave the element out)"));
            return;
        }
        problems.add(ParseProblem.of("invalid value " + (value == null ? "" : "'" + value + "'") + where(location) + ": " + error));
    }

    @Override
    public void unknownElement(IParseLocation location, String elementName) {
        problems.add(ParseProblem.of("unknown element '" + elementName + "'" + where(location)));
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {
        problems.add(ParseProblem.of("unknown attribute '" + attributeName + "'" + where(location)));
    }

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
        problems.add(ParseProblem.of("element '" + elementName + "' repeats but may occur only once" + where(location)));
    }

    @Override
    public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                                  BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                                  BaseJsonLikeValue.ScalarType foundScalar) {
        problems.add(ParseProblem.of("element '" + elementName + "' should be " + describe(expected, expectedScalar) + " but is "
                + describe(found, foundScalar) + where(location)));
    }

    private static String describe(BaseJsonLikeValue.ValueType type, BaseJsonLikeValue.ScalarType scalar) {
        return scalar != null ? "a JSON " + scalar.name().toLowerCase() : "a JSON " + String.valueOf(type).toLowerCase();
    }
}
