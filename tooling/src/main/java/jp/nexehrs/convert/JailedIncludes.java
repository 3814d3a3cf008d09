package jp.nexehrs.convert;

import org.asciidoctor.ast.Document;
import org.asciidoctor.extension.IncludeProcessor;
import org.asciidoctor.extension.PreprocessorReader;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes every {@code include::} directive and decides where it leads with {@link IncludeResolver}, relative to
 * the including file's own folder (Asciidoctor alone resolves a top-level document's includes against its base
 * folder, spec/, and nested ones against their own folder). A refused or missing target is an error on the
 * directive's file and line. An allowed one is handed back to Asciidoctor as the same directive with the
 * resolved path, so that Asciidoctor still reads the file and applies {@code lines=}, {@code tag=} and
 * {@code leveloffset=} as it always does.
 */
final class JailedIncludes extends IncludeProcessor {
    /** Reports a problem with a directive: the file it is in (as the user knows it), its line and what to do. */
    @FunctionalInterface
    interface Reporter {
        void error(String file, int line, String message);
    }

    private final Reporter reporter;
    /** Resolved targets handed back to Asciidoctor on this thread, which this processor must then let through. */
    private final ThreadLocal<Set<String>> handedBack = ThreadLocal.withInitial(HashSet::new);

    JailedIncludes(Reporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public boolean handles(String target) {
        return !handedBack.get().remove(target);
    }

    @Override
    public void process(Document document, PreprocessorReader reader, String target, Map<String, Object> attributes) {
        IncludeResolver resolver = new IncludeResolver(Path.of(String.valueOf(document.getOptions().get("base_dir"))));
        Path includingFile = reader.getFile() == null ? resolver.spec().resolve("(document)") : Path.of(reader.getFile());
        int line = Math.max(1, reader.getLineNumber() - 1); // the directive's line has just been read
        String shown = resolver.shown(includingFile);
        IncludeResolver.Resolution resolution = resolver.resolve(includingFile, target);
        if (resolution instanceof IncludeResolver.Refused refused) {
            reporter.error(shown, line, "include::" + target + "[] is not allowed: " + refused.reason());
        } else if (resolution instanceof IncludeResolver.Missing missing) {
            if (attributes.containsKey("optional-option")) return;
            reporter.error(shown, line, "include file not found: " + resolver.shown(missing.file())
                    + " (paths are relative to the including file's folder): correct the path or add the file");
        } else if (resolution instanceof IncludeResolver.Found found) {
            String resolved = found.file().toString();
            handedBack.get().add(resolved);
            reader.pushInclude("include::" + resolved + "[" + attributeList(attributes) + "]", includingFile.toString(),
                    shown, line, Map.of());
        }
    }

    /** The directive's named attributes written back ({@code lines="1..5",tag="x",opts="optional"}). */
    private static String attributeList(Map<String, Object> attributes) {
        Set<String> options = attributes.keySet().stream().filter(k -> k.endsWith("-option"))
                .map(k -> k.substring(0, k.length() - "-option".length())).collect(Collectors.toCollection(java.util.TreeSet::new));
        String named = attributes.entrySet().stream()
                .filter(e -> !e.getKey().endsWith("-option") && !e.getKey().equals("opts") && !e.getKey().equals("options")
                        && !e.getKey().chars().allMatch(Character::isDigit))
                .map(e -> e.getKey() + "=\"" + String.valueOf(e.getValue()).replace("\"", "\\\"") + "\"")
                .sorted().collect(Collectors.joining(","));
        String opts = options.isEmpty() ? "" : "opts=\"" + String.join(",", options) + "\"";
        return named.isEmpty() ? opts : opts.isEmpty() ? named : named + "," + opts;
    }
}
