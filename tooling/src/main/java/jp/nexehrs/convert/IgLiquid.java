package jp.nexehrs.convert;

import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.Severity;
import jp.nexehrs.util.TextPositions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IG Publisher's Liquid in a Markdown page, resolved before the Markdown is read: what has a clear meaning here is
 * replaced, and everything else is left out of the page with a finding on its file and line, so that no Liquid ever
 * reaches a reader. Replaced: {@code {% include f %}} by {@code input/includes/f} (its own Liquid resolved in turn);
 * {@code {% highlight lang %}...{% endhighlight %}} by a fenced code block; {@code {% raw %}...{% endraw %}} by its
 * text as written; {@code {% comment %}} blocks by nothing; the template's {@code {% include img.html img=.. caption=.. %}},
 * when the guide has no img.html, by a figure; and the outputs {@code {{site.data.fhir.path}}} (the FHIR R4
 * specification's base URL), {@code .version}, {@code .canonical}, {@code .packageId} and {@code .igVer}. Left out with
 * a warning: the fragments the IG Publisher makes while it builds ({@code {% include dependency-table.xhtml %}},
 * {@code {% lang-fragment ... %}}), loops, conditions and other outputs, which need its data. A {@code <style>} block
 * (guides tweak the IG Publisher's template with one) is left out too, with a note where it is written: the site has
 * its own look, and the allowlist admits no styles.
 */
final class IgLiquid {
    /** The FHIR R4 specification, where the IG Publisher's {@code site.data.fhir.path} leads. */
    static final String FHIR_SPEC = "http://hl7.org/fhir/R4/";
    private static final Pattern LIQUID = Pattern.compile("\\{%-?\\s*([A-Za-z][\\w-]*)\\s*(.*?)\\s*-?%\\}|\\{\\{-?\\s*(.*?)\\s*-?\\}\\}", Pattern.DOTALL);
    /** Tags whose body runs until their end tag: left out whole. */
    private static final Set<String> BLOCKS = Set.of("for", "if", "unless", "case", "capture", "tablerow");
    private static final int MAX_INCLUDE_DEPTH = 16;
    /** The IG Publisher template's include for a figure, which guides call without having the file. */
    private static final String IMAGE_INCLUDE = "img.html";
    private static final Pattern INCLUDE_PARAMETER = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern STYLE = Pattern.compile("<style\\b.*?</style\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final Path projectRoot;
    private final Path includes;
    private final Map<String, String> outputs;

    IgLiquid(Path projectRoot, ProjectConfig config) {
        this.projectRoot = projectRoot;
        this.includes = projectRoot.resolve(ProjectLoader.IG_INCLUDES_DIR).normalize();
        this.outputs = Map.of("site.data.fhir.path", FHIR_SPEC, "site.data.fhir.version", "4.0.1",
                "site.data.fhir.canonical", config.canonical(), "site.data.fhir.packageId", config.id(),
                "site.data.fhir.igVer", config.version());
    }

    /** The text with its Liquid resolved, and what could not be. */
    record Result(String text, List<Finding> findings) {}

    /** @param file the text's file as messages name it */
    Result resolve(String file, String text) {
        List<Finding> findings = new ArrayList<>();
        String resolved = resolve(file, text, findings, 0);
        return new Result(resolved, List.copyOf(findings));
    }

    private String resolve(String file, String original, List<Finding> findings, int depth) {
        String text = withoutStyles(file, original, findings);
        StringBuilder out = new StringBuilder(text.length());
        Matcher liquid = LIQUID.matcher(text);
        int copied = 0;
        while (liquid.find(copied)) {
            out.append(text, copied, liquid.start());
            int line = TextPositions.lineAt(text, liquid.start());
            copied = liquid.end();
            if (liquid.group(3) != null) {
                String name = liquid.group(3).trim();
                String value = outputs.get(name);
                if (value != null) out.append(value);
                else findings.add(leftOut(file, line, "{{" + name + "}}", "it needs the IG Publisher's data"));
                continue;
            }
            String tag = liquid.group(1);
            String argument = liquid.group(2).trim();
            switch (tag) {
                case "include" -> out.append(include(file, line, argument, findings, depth));
                case "highlight" -> out.append("```").append(argument.split("\\s+")[0]);
                case "endhighlight" -> out.append("```");
                case "raw", "comment" -> {
                    Matcher end = Pattern.compile("\\{%-?\\s*end" + tag + "\\s*-?%\\}").matcher(text);
                    if (!end.find(copied)) {
                        findings.add(Finding.error(file, line, 0, "{% " + tag + " %} has no {% end" + tag + " %}: add it"));
                        copied = text.length();
                    } else {
                        if (tag.equals("raw")) out.append(text, copied, end.start());
                        copied = end.end();
                    }
                }
                default -> {
                    if (BLOCKS.contains(tag)) copied = endOfBlock(text, tag, copied);
                    findings.add(leftOut(file, line, "{% " + tag + (argument.isEmpty() ? "" : " " + argument) + " %}",
                            tag.equals("lang-fragment") ? "the IG Publisher makes that fragment while it builds" : "it needs the IG Publisher's data"));
                }
            }
        }
        out.append(text, Math.min(copied, text.length()), text.length());
        return out.toString();
    }

    /** The text with each {@code <style>} block blanked (its lines kept, so later lines keep their numbers). */
    private static String withoutStyles(String file, String text, List<Finding> findings) {
        Matcher style = STYLE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        while (style.find()) {
            out.append(text, copied, style.start()).append("\n".repeat((int) style.group().chars().filter(c -> c == '\n').count()));
            copied = style.end();
            findings.add(new Finding(Severity.INFORMATION, file, TextPositions.lineAt(text, style.start()), 0, "", "",
                    "the <style> block is left out: it restyles the IG Publisher's template, and this site has its own look"));
        }
        return copied == 0 ? text : out.append(text, copied, text.length()).toString();
    }

    /** Where the block opened by {@code tag} ends (after its end tag, nested blocks of the same tag counted); the text's end if never. */
    private static int endOfBlock(String text, String tag, int from) {
        Matcher tags = Pattern.compile("\\{%-?\\s*(end)?" + tag + "\\b.*?-?%\\}", Pattern.DOTALL).matcher(text);
        int open = 1;
        int at = from;
        while (tags.find(at)) {
            open += tags.group(1) == null ? 1 : -1;
            at = tags.end();
            if (open == 0) return at;
        }
        return text.length();
    }

    private String include(String file, int line, String argument, List<Finding> findings, int depth) {
        String name = argument.split("\\s+")[0];
        if (depth >= MAX_INCLUDE_DEPTH) {
            findings.add(Finding.error(file, line, 0, "{% include " + name + " %}: includes nest deeper than " + MAX_INCLUDE_DEPTH
                    + " (a file that includes itself, directly or through others): remove the loop"));
            return "";
        }
        Optional<Path> found = find(name);
        if (found.isEmpty() && name.equals(IMAGE_INCLUDE)) return figure(file, line, argument, findings);
        if (found.isEmpty()) {
            if (name.endsWith(".xhtml")) {
                findings.add(leftOut(file, line, "{% include " + name + " %}", "the IG Publisher makes that fragment while it builds"));
            } else {
                findings.add(Finding.error(file, line, 0, "{% include " + name + " %} names a file that " + ProjectLoader.IG_INCLUDES_DIR
                        + "/ does not have: add it there, or remove the include"));
            }
            return "";
        }
        try {
            String included = Files.readString(found.get(), StandardCharsets.UTF_8);
            String includedFile = projectRoot.relativize(found.get()).toString().replace('\\', '/');
            return resolve(includedFile, included, findings, depth + 1);
        } catch (IOException e) {
            findings.add(Finding.error(file, line, 0, "{% include " + name + " %}: cannot read " + ProjectLoader.IG_INCLUDES_DIR + "/" + name));
            return "";
        }
    }

    /**
     * The IG Publisher template's own {@code {% include img.html img="f.png" caption="..." %}}, when the guide has no
     * img.html of its own: the image with its caption as a figure (its {@code width} is the template's look, not kept).
     */
    private static String figure(String file, int line, String argument, List<Finding> findings) {
        Map<String, String> parameters = new java.util.HashMap<>();
        Matcher parameter = INCLUDE_PARAMETER.matcher(argument);
        while (parameter.find()) parameters.put(parameter.group(1), parameter.group(2) != null ? parameter.group(2) : parameter.group(3));
        String image = parameters.getOrDefault("img", "");
        if (image.isBlank()) {
            findings.add(Finding.error(file, line, 0, "{% include " + IMAGE_INCLUDE + " %} names no image: add img=\"file.png\""));
            return "";
        }
        String caption = parameters.getOrDefault("caption", "");
        String escapedCaption = attribute(caption);
        return "\n<figure class=\"figure\"><img src=\"" + attribute(image) + "\" alt=\"" + escapedCaption + "\">"
                + (caption.isBlank() ? "" : "<figcaption>" + escapedCaption + "</figcaption>") + "</figure>\n";
    }

    /** Text safe inside a double-quoted HTML attribute (a caption given in single quotes may hold double ones). */
    private static String attribute(String text) {
        return org.jsoup.nodes.Entities.escape(text).replace("\"", "&quot;");
    }

    /** The included file, inside input/includes/ only, also when followed through links. */
    private Optional<Path> find(String name) {
        if (name.isEmpty() || name.contains("{")) return Optional.empty();
        Path file = includes.resolve(name).normalize();
        if (!file.startsWith(includes) || !Files.isRegularFile(file)) return Optional.empty();
        try {
            return file.toRealPath().startsWith(includes.toRealPath()) ? Optional.of(file) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Finding leftOut(String file, int line, String what, String why) {
        return Finding.warning(file, line, 0, "the IG Publisher's Liquid " + what + " is left out of the page: " + why
                + ", which this toolchain does not have");
    }
}
