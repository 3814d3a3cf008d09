package jp.nexehrs.fsh;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One entity declared in an FSH file ({@code Profile:}, {@code Extension:}, {@code Instance:} ...): its kind, name,
 * {@code Id:} (the name when it has none, as SUSHI does), the file and line of its declaration, and its rules'
 * paths and lines.
 *
 * @param instanceOf for an {@code Instance:}, what its {@code InstanceOf:} says; empty for other kinds
 */
public record FshDeclaration(String kind, String name, String id, String instanceOf, String file, int line, List<Rule> rules) {
    public FshDeclaration {
        rules = List.copyOf(rules);
    }

    /**
     * A rule ({@code * path ...}) with its path as written, indentation contexts joined ({@code name} then an indented
     * {@code * text} is {@code name.text}); slices and indexes are dropped, so it compares with a FHIRPath.
     */
    public record Rule(String path, int line) {
    }

    /** The FHIR resource type SUSHI makes of the entity, when the kind alone says it. */
    public Optional<String> resourceType() {
        return switch (kind) {
            case "Profile", "Extension", "Logical", "Resource" -> Optional.of("StructureDefinition");
            case "ValueSet", "CodeSystem" -> Optional.of(kind);
            default -> Optional.empty();
        };
    }

    /**
     * The line of the rule that sets {@code fhirPath} (e.g. {@code Patient.name[0].text} is set by {@code * name.text}
     * or by {@code * name} with an indented {@code * text}), or of the nearest rule above it in the path; the
     * declaration's line when no rule matches.
     */
    public int lineOf(String fhirPath) {
        String wanted = normalized(withoutResourceType(fhirPath));
        if (wanted.isEmpty()) return line;
        return rules.stream()
                .filter(rule -> wanted.equals(rule.path()) || wanted.startsWith(rule.path() + "."))
                .max(Comparator.comparingInt((Rule rule) -> rule.path().length()).thenComparingInt(Rule::line))
                .map(Rule::line).orElse(line);
    }

    /** A path without slices, indexes or caret: {@code identifier[local][0].system} is {@code identifier.system}. */
    static String normalized(String path) {
        String withoutBrackets = path.replaceAll("\\[[^\\]]*\\]", "");
        String withoutTypes = withoutBrackets.replaceAll("\\.ofType\\([^)]*\\)", "");
        return withoutTypes.startsWith("^") ? withoutTypes.substring(1) : withoutTypes;
    }

    private static String withoutResourceType(String fhirPath) {
        if (fhirPath == null || fhirPath.isBlank()) return "";
        int dot = fhirPath.indexOf('.');
        String head = dot < 0 ? fhirPath : fhirPath.substring(0, dot);
        String headWithoutIndex = head.replaceAll("\\[[^\\]]*\\]", "");
        boolean typeName = !headWithoutIndex.isEmpty() && Character.isUpperCase(headWithoutIndex.charAt(0));
        if (!typeName) return fhirPath;
        return dot < 0 ? "" : fhirPath.substring(dot + 1);
    }
}
