package jp.nexehrs.convert;

import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a StructureDefinition's snapshot is generated from: its base and the profiles its differential's element
 * types name (extensions, profiled datatypes). Those must have their snapshots first.
 */
final class ProfileNeeds {
    private ProfileNeeds() {
    }

    /** The canonical URLs (without version) {@code definition}'s snapshot needs, itself excluded. */
    static Set<String> of(StructureDefinition definition) {
        Set<String> needed = new HashSet<>();
        if (definition.hasBaseDefinition()) needed.add(definition.getBaseDefinition());
        for (ElementDefinition element : definition.getDifferential().getElement()) {
            for (ElementDefinition.TypeRefComponent type : element.getType()) {
                type.getProfile().forEach(p -> needed.add(withoutVersion(p.getValue())));
            }
        }
        needed.remove(definition.getUrl());
        return needed;
    }

    /**
     * {@code items} (in an order where bases come first) grouped in levels, so that each comes after everything it
     * needs among them: an item's level is one above the highest level of what it needs; within a level the items
     * keep their order and need nothing of each other. A cycle through element types (legal: an extension may nest
     * itself) is cut where it closes.
     */
    static <T> List<List<T>> levels(List<T> items, Function<T, StructureDefinition> definition) {
        Map<String, T> byUrl = new HashMap<>();
        for (T item : items) byUrl.putIfAbsent(definition.apply(item).getUrl(), item);
        Map<String, Integer> levels = new HashMap<>();
        TreeMap<Integer, List<T>> grouped = new TreeMap<>();
        for (T item : items) {
            int level = levelOf(definition.apply(item).getUrl(), byUrl, definition, levels, new HashSet<>());
            grouped.computeIfAbsent(level, l -> new ArrayList<>()).add(item);
        }
        return List.copyOf(grouped.values());
    }

    private static <T> int levelOf(String url, Map<String, T> byUrl, Function<T, StructureDefinition> definition,
                                   Map<String, Integer> levels, Set<String> inProgress) {
        Integer known = levels.get(url);
        if (known != null) return known;
        if (!inProgress.add(url)) return -1;
        int level = 0;
        for (String needed : of(definition.apply(byUrl.get(url)))) {
            if (byUrl.containsKey(needed)) level = Math.max(level, levelOf(needed, byUrl, definition, levels, inProgress) + 1);
        }
        inProgress.remove(url);
        levels.put(url, level);
        return level;
    }

    private static String withoutVersion(String canonical) {
        int bar = canonical == null ? -1 : canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }
}
