package jp.nexehrs.fsh;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entities FSH files declare, with their lines: enough to point a finding on a generated resource back at its
 * source. Not an FSH parser: it reads the declaration keywords at the start of a line, {@code Id:} and
 * {@code InstanceOf:}, and the paths of {@code *} rules, skipping comments and multi-line strings; SUSHI itself
 * reports what is wrong with the syntax.
 */
public final class FshDeclarations {
    /** Keywords that start an entity: those that make a resource, and those that end the one before them. */
    private static final Pattern DECLARATION = Pattern.compile(
            "^(Profile|Extension|Instance|ValueSet|CodeSystem|Logical|Resource|Invariant|RuleSet|Mapping|Alias)\\s*:\\s*(\\S+)");
    private static final Set<String> MAKES_RESOURCES = Set.of("Profile", "Extension", "Instance", "ValueSet", "CodeSystem",
            "Logical", "Resource");
    private static final Pattern KEYWORD = Pattern.compile("^(Id|InstanceOf)\\s*:\\s*(\\S+)");
    private static final Pattern RULE = Pattern.compile("^(\\s*)\\*\\s+(\\S+)(?:\\s+(\\S+))?");

    private final List<FshDeclaration> declarations;

    private FshDeclarations(List<FshDeclaration> declarations) {
        this.declarations = List.copyOf(declarations);
    }

    /** A source file to index: its name as findings give it, and its text. */
    public record Source(String file, String text) {
    }

    public static FshDeclarations of(List<Source> sources) {
        List<FshDeclaration> all = new ArrayList<>();
        sources.forEach(source -> all.addAll(read(source)));
        return new FshDeclarations(all);
    }

    public List<FshDeclaration> all() {
        return declarations;
    }

    /**
     * The declaration a generated resource came from: a definition whose kind makes that type, else an
     * {@code Instance:} with that id.
     */
    public Optional<FshDeclaration> of(String resourceType, String id) {
        Optional<FshDeclaration> definition = declarations.stream()
                .filter(d -> d.id().equals(id) && d.resourceType().filter(resourceType::equals).isPresent()).findFirst();
        if (definition.isPresent()) return definition;
        return declarations.stream().filter(d -> d.kind().equals("Instance") && d.id().equals(id)).findFirst();
    }

    private static List<FshDeclaration> read(Source source) {
        List<FshDeclaration> found = new ArrayList<>();
        Entity current = null;
        boolean inString = false;
        boolean inComment = false;
        String[] lines = source.text().split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            if (inComment) {
                int end = line.indexOf("*/");
                if (end < 0) continue;
                inComment = false;
                line = " ".repeat(end + 2) + line.substring(end + 2);
            }
            if (inString) {
                if (count(line, "\"\"\"") % 2 == 1) inString = false;
                continue;
            }
            String code = withoutComment(line);
            if (code.strip().startsWith("/*") && !code.contains("*/")) {
                inComment = true;
                continue;
            }
            if (count(code, "\"\"\"") % 2 == 1) inString = true;
            Matcher declaration = DECLARATION.matcher(code);
            if (declaration.find()) {
                if (current != null) current.finish(found);
                current = MAKES_RESOURCES.contains(declaration.group(1))
                        ? new Entity(declaration.group(1), declaration.group(2), source.file(), number) : null;
                continue;
            }
            if (current == null) continue;
            Matcher keyword = KEYWORD.matcher(code);
            if (keyword.find()) {
                if (keyword.group(1).equals("Id")) current.id = keyword.group(2);
                else current.instanceOf = keyword.group(2);
                continue;
            }
            Matcher rule = RULE.matcher(code);
            // A caret rule on an element (* name ^short = ...) sets the profile's definition, not the element's value.
            if (rule.find() && (rule.group(3) == null || !rule.group(3).startsWith("^"))) {
                current.rule(rule.group(1).length(), rule.group(2), number);
            }
        }
        if (current != null) current.finish(found);
        return found;
    }

    /** A line without its {@code //} comment; a {@code //} inside a string (a URL) is kept. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length() - 1; i++) {
            char c = line.charAt(i);
            if (c == '"' && (i == 0 || line.charAt(i - 1) != '\\')) quoted = !quoted;
            if (!quoted && c == '/' && line.charAt(i + 1) == '/' && (i == 0 || line.charAt(i - 1) != ':')) return line.substring(0, i);
        }
        return line;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) n++;
        return n;
    }

    /** An entity being read: its rules' paths joined with the paths of the rules they are indented under. */
    private static final class Entity {
        private final String kind;
        private final String name;
        private final String file;
        private final int line;
        private String id;
        private String instanceOf = "";
        private final List<FshDeclaration.Rule> rules = new ArrayList<>();
        /** The rules the next one may be indented under. */
        private final Deque<Enclosing> context = new ArrayDeque<>();

        private record Enclosing(int indent, String path) {
        }

        Entity(String kind, String name, String file, int line) {
            this.kind = kind;
            this.name = name;
            this.file = file;
            this.line = line;
        }

        void rule(int indent, String written, int number) {
            while (!context.isEmpty() && context.peek().indent() >= indent) context.pop();
            String own = FshDeclaration.normalized(written);
            String path = context.isEmpty() || own.isEmpty() ? own : context.peek().path() + "." + own;
            if (written.equals("insert") || written.equals("obeys")) return;
            rules.add(new FshDeclaration.Rule(path, number));
            context.push(new Enclosing(indent, path));
        }

        void finish(List<FshDeclaration> into) {
            into.add(new FshDeclaration(kind, name, id == null ? name : id, instanceOf, file, line, rules));
        }
    }
}
