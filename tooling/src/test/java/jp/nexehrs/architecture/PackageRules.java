package jp.nexehrs.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The pipeline's direction as data: every package of the toolchain with its level, read from the sources' imports
 * (and fully qualified names) rather than compiled classes, so that the rule holds for code that never ran. A
 * package may use packages of a lower level only; the foundation (level 0) may use other foundation packages, and
 * no package graph may have a cycle. ARCHITECTURE.md explains the levels.
 */
final class PackageRules {
    static final String ROOT = "jp.nexehrs";
    /** Level 0: data and libraries every stage may use; they use no stage. */
    static final Set<String> FOUNDATION = Set.of("report", "report.format", "util", "html", "render", "fhir", "search",
            "history", "governance", "cache", "node", "fsh");
    /** The stages, in the order the build runs them, then the flows that run them and the CLI over all of it. */
    static final Map<String, Integer> LEVELS = levels();

    private static Map<String, Integer> levels() {
        Map<String, Integer> levels = new LinkedHashMap<>();
        FOUNDATION.forEach(p -> levels.put(p, 0));
        levels.put("load", 1);
        levels.put("convert", 2);
        levels.put("check", 3);
        levels.put("compose", 4);
        levels.put("changelog", 4);
        levels.put("pdf", 5);
        levels.put("produce", 6);
        levels.put("publish", 7);
        levels.put("pipeline", 8);
        levels.put("versions", 9);
        levels.put("validation", 9);
        levels.put("ballot", 9);
        levels.put("serve", 9);
        levels.put("cli", 10);
        return Map.copyOf(levels);
    }

    private static final Pattern REFERENCE = Pattern.compile("\\bjp\\.nexehrs\\.([a-z]+(?:\\.[a-z]+)*)\\.[A-Z]");

    private PackageRules() {
    }

    /** Each package (relative to jp.nexehrs) with the other packages its sources refer to. */
    static Map<String, Set<String>> dependencies(Path sourceRoot) {
        Path base = sourceRoot.resolve(ROOT.replace('.', '/'));
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = base.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
                Set<String> used = dependencies.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) if (!m.group(1).equals(pkg)) used.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dependencies;
    }

    /** Every broken rule, one line each, in a stable order; empty when the packages keep the pipeline's direction. */
    static List<String> violations(Map<String, Set<String>> dependencies) {
        List<String> violations = new ArrayList<>();
        for (var entry : dependencies.entrySet()) {
            String from = entry.getKey();
            Integer level = LEVELS.get(from);
            if (level == null) {
                violations.add(from + " has no place in PackageRules.LEVELS (and ARCHITECTURE.md): say which stage it belongs to");
                continue;
            }
            for (String to : entry.getValue()) {
                Integer target = LEVELS.get(to);
                if (target == null) continue;
                if (level == 0 && target > 0) {
                    violations.add(from + " is foundation and must not import the stage or flow " + to);
                } else if (level > 0 && target >= level) {
                    violations.add(from + " (level " + level + ") imports " + to + " (level " + target + "): a stage never imports a later one");
                }
            }
        }
        cycle(dependencies).ifPresent(c -> violations.add("package cycle: " + String.join(" -> ", c)));
        return violations;
    }

    /** A cycle among the packages, if there is one. */
    static java.util.Optional<List<String>> cycle(Map<String, Set<String>> dependencies) {
        Map<String, Integer> state = new TreeMap<>();
        for (String start : dependencies.keySet()) {
            List<String> path = new ArrayList<>();
            var found = visit(start, dependencies, state, path);
            if (found.isPresent()) return found;
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<List<String>> visit(String pkg, Map<String, Set<String>> deps, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(pkg);
        if (s != null && s == 2) return java.util.Optional.empty();
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(pkg), path.size()));
            cycle.add(pkg);
            return java.util.Optional.of(cycle);
        }
        state.put(pkg, 1);
        path.add(pkg);
        for (String next : deps.getOrDefault(pkg, Set.of())) {
            var found = visit(next, deps, state, path);
            if (found.isPresent()) return found;
        }
        path.remove(path.size() - 1);
        state.put(pkg, 2);
        return java.util.Optional.empty();
    }
}
