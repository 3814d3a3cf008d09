package jp.nexehrs.changelog;

import org.hl7.fhir.r4.formats.JsonParser;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Enumerations.BindingStrength;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Compares two versions' content: profiles by canonical URL and their snapshot elements by element id;
 * guideline documents by id and their sections by anchor. Each difference becomes a {@link Change} whose kind
 * carries the breaking rule.
 */
public final class ChangeLogBuilder {
    private final JsonParser valueWriter = new JsonParser();

    public ChangeLog compare(String fromName, VersionContent from, String toName, VersionContent to) {
        List<Change> changes = new ArrayList<>();
        Map<String, StructureDefinition> before = byUrl(from.profiles());
        Map<String, StructureDefinition> after = byUrl(to.profiles());
        for (String url : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            StructureDefinition old = before.get(url);
            StructureDefinition now = after.get(url);
            if (old == null) changes.add(new Change(ChangeKind.PROFILE_ADDED, url, "", "", now.getName()));
            else if (now == null) changes.add(new Change(ChangeKind.PROFILE_REMOVED, url, "", old.getName(), ""));
            else compareElements(url, old, now, changes);
        }
        Map<String, DocumentOutline> oldDocs = new LinkedHashMap<>();
        from.documents().forEach(d -> oldDocs.put(d.id(), d));
        Map<String, DocumentOutline> newDocs = new LinkedHashMap<>();
        to.documents().forEach(d -> newDocs.put(d.id(), d));
        for (String id : new TreeSet<>(union(oldDocs.keySet(), newDocs.keySet()))) {
            DocumentOutline old = oldDocs.get(id);
            DocumentOutline now = newDocs.get(id);
            if (old == null) changes.add(new Change(ChangeKind.DOCUMENT_ADDED, id, "", "", now.title()));
            else if (now == null) changes.add(new Change(ChangeKind.DOCUMENT_REMOVED, id, "", old.title(), ""));
            else compareSections(id, old, now, changes);
        }
        return new ChangeLog(fromName, toName, changes);
    }

    private void compareElements(String url, StructureDefinition old, StructureDefinition now, List<Change> changes) {
        Map<String, ElementDefinition> before = elements(old);
        Map<String, ElementDefinition> after = elements(now);
        for (Map.Entry<String, ElementDefinition> entry : before.entrySet()) {
            if (!after.containsKey(entry.getKey())) {
                changes.add(new Change(ChangeKind.ELEMENT_REMOVED, url, entry.getKey(), cardinality(entry.getValue()), ""));
            }
        }
        for (Map.Entry<String, ElementDefinition> entry : after.entrySet()) {
            String id = entry.getKey();
            ElementDefinition a = before.get(id);
            ElementDefinition b = entry.getValue();
            if (a == null) {
                changes.add(new Change(ChangeKind.ELEMENT_ADDED, url, id, "", cardinality(b)));
                continue;
            }
            if (b.getMin() > a.getMin()) changes.add(new Change(ChangeKind.MIN_RAISED, url, id, cardinality(a), cardinality(b)));
            if (b.getMin() < a.getMin()) changes.add(new Change(ChangeKind.MIN_LOWERED, url, id, cardinality(a), cardinality(b)));
            int maxOrder = Long.compare(max(b), max(a));
            if (maxOrder < 0) changes.add(new Change(ChangeKind.MAX_LOWERED, url, id, cardinality(a), cardinality(b)));
            if (maxOrder > 0) changes.add(new Change(ChangeKind.MAX_RAISED, url, id, cardinality(a), cardinality(b)));
            compareTypes(url, id, a, b, changes);
            compareBinding(url, id, a, b, changes);
            if (b.getMustSupport() && !a.getMustSupport()) changes.add(new Change(ChangeKind.MUST_SUPPORT_ADDED, url, id, "false", "true"));
            if (!b.getMustSupport() && a.getMustSupport()) changes.add(new Change(ChangeKind.MUST_SUPPORT_REMOVED, url, id, "true", "false"));
            compareFixed(url, id, a, b, changes);
            compareConstraints(url, id, a, b, changes);
        }
    }

    private static void compareTypes(String url, String id, ElementDefinition a, ElementDefinition b, List<Change> changes) {
        List<String> before = types(a);
        List<String> after = types(b);
        for (String type : before) if (!after.contains(type)) changes.add(new Change(ChangeKind.TYPE_REMOVED, url, id, type, ""));
        for (String type : after) if (!before.contains(type)) changes.add(new Change(ChangeKind.TYPE_ADDED, url, id, "", type));
    }

    /** Each type as {@code code}, with each profile or target profile as its own entry: {@code Reference(…/Patient)}. */
    private static List<String> types(ElementDefinition element) {
        List<String> types = new ArrayList<>();
        for (ElementDefinition.TypeRefComponent type : element.getType()) {
            if (!type.hasProfile() && !type.hasTargetProfile()) types.add(type.getCode());
            type.getProfile().forEach(p -> types.add(type.getCode() + "(" + p.getValue() + ")"));
            type.getTargetProfile().forEach(p -> types.add(type.getCode() + "(" + p.getValue() + ")"));
        }
        return types;
    }

    private static void compareBinding(String url, String id, ElementDefinition a, ElementDefinition b, List<Change> changes) {
        int before = strength(a);
        int after = strength(b);
        String describedBefore = binding(a);
        String describedAfter = binding(b);
        if (after > before) changes.add(new Change(ChangeKind.BINDING_STRENGTH_RAISED, url, id, describedBefore, describedAfter));
        if (after < before) changes.add(new Change(ChangeKind.BINDING_STRENGTH_LOWERED, url, id, describedBefore, describedAfter));
        String setBefore = valueSet(a);
        String setAfter = valueSet(b);
        if (!setBefore.isEmpty() && !setAfter.isEmpty() && !setBefore.equals(setAfter)) {
            boolean strong = after >= strengthOrder(BindingStrength.EXTENSIBLE);
            changes.add(new Change(strong ? ChangeKind.BINDING_VALUE_SET_CHANGED : ChangeKind.BINDING_VALUE_SET_CHANGED_WEAK,
                    url, id, describedBefore, describedAfter));
        }
    }

    private static int strength(ElementDefinition element) {
        return element.hasBinding() && element.getBinding().hasStrength() ? strengthOrder(element.getBinding().getStrength()) : 0;
    }

    private static int strengthOrder(BindingStrength strength) {
        return switch (strength) {
            case EXAMPLE -> 1;
            case PREFERRED -> 2;
            case EXTENSIBLE -> 3;
            case REQUIRED -> 4;
            default -> 0;
        };
    }

    /** The bound value set without a version suffix: a new business version of the same set is not a change here. */
    private static String valueSet(ElementDefinition element) {
        if (!element.hasBinding() || !element.getBinding().hasValueSet()) return "";
        String valueSet = element.getBinding().getValueSet();
        int bar = valueSet.indexOf('|');
        return bar < 0 ? valueSet : valueSet.substring(0, bar);
    }

    private static String binding(ElementDefinition element) {
        if (!element.hasBinding()) return "";
        String strength = element.getBinding().hasStrength() ? element.getBinding().getStrength().toCode() : "";
        return (strength + " " + valueSet(element)).trim();
    }

    private void compareFixed(String url, String id, ElementDefinition a, ElementDefinition b, List<Change> changes) {
        String before = fixedOrPattern(a);
        String after = fixedOrPattern(b);
        if (before.equals(after)) return;
        ChangeKind kind = before.isEmpty() ? ChangeKind.FIXED_OR_PATTERN_ADDED
                : after.isEmpty() ? ChangeKind.FIXED_OR_PATTERN_REMOVED : ChangeKind.FIXED_OR_PATTERN_CHANGED;
        changes.add(new Change(kind, url, id, before, after));
    }

    private String fixedOrPattern(ElementDefinition element) {
        if (element.hasFixed()) return "fixed " + json(element.getFixed());
        if (element.hasPattern()) return "pattern " + json(element.getPattern());
        return "";
    }

    private String json(Type value) {
        if (value.isPrimitive()) return value.primitiveValue();
        try {
            return valueWriter.composeString(value, "value");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void compareConstraints(String url, String id, ElementDefinition a, ElementDefinition b, List<Change> changes) {
        Map<String, String> before = constraints(a);
        Map<String, String> after = constraints(b);
        before.forEach((key, expression) -> {
            if (!after.containsKey(key)) changes.add(new Change(ChangeKind.CONSTRAINT_REMOVED, url, id, key + ": " + expression, ""));
            else if (!Objects.equals(expression, after.get(key))) {
                changes.add(new Change(ChangeKind.CONSTRAINT_CHANGED, url, id, key + ": " + expression, key + ": " + after.get(key)));
            }
        });
        after.forEach((key, expression) -> {
            if (!before.containsKey(key)) changes.add(new Change(ChangeKind.CONSTRAINT_ADDED, url, id, "", key + ": " + expression));
        });
    }

    private static Map<String, String> constraints(ElementDefinition element) {
        Map<String, String> constraints = new LinkedHashMap<>();
        element.getConstraint().forEach(c -> constraints.put(c.getKey(), c.hasExpression() ? c.getExpression() : ""));
        return constraints;
    }

    private static void compareSections(String id, DocumentOutline old, DocumentOutline now, List<Change> changes) {
        Map<String, DocumentOutline.Section> before = new LinkedHashMap<>();
        old.sections().forEach(s -> before.put(s.id(), s));
        Map<String, DocumentOutline.Section> after = new LinkedHashMap<>();
        now.sections().forEach(s -> after.put(s.id(), s));
        before.forEach((sectionId, section) -> {
            if (!after.containsKey(sectionId)) changes.add(new Change(ChangeKind.SECTION_REMOVED, id, sectionId, section.title(), ""));
        });
        after.forEach((sectionId, section) -> {
            DocumentOutline.Section previous = before.get(sectionId);
            if (previous == null) changes.add(new Change(ChangeKind.SECTION_ADDED, id, sectionId, "", section.title()));
            else if (!previous.title().equals(section.title())) {
                changes.add(new Change(ChangeKind.SECTION_CHANGED, id, sectionId, previous.title(), section.title()));
            } else if (!previous.contentHash().equals(section.contentHash())) {
                changes.add(new Change(ChangeKind.SECTION_CHANGED, id, sectionId, "", "")); // same title, new text
            }
        });
    }

    private static Map<String, ElementDefinition> elements(StructureDefinition profile) {
        Map<String, ElementDefinition> elements = new LinkedHashMap<>();
        for (ElementDefinition element : profile.getSnapshot().getElement()) {
            elements.put(element.hasId() ? element.getId() : element.getPath(), element);
        }
        return elements;
    }

    private static String cardinality(ElementDefinition element) {
        return element.getMin() + ".." + (element.hasMax() ? element.getMax() : "*");
    }

    private static long max(ElementDefinition element) {
        String max = element.hasMax() ? element.getMax() : "*";
        return "*".equals(max) ? Long.MAX_VALUE : Long.parseLong(max);
    }

    private static Map<String, StructureDefinition> byUrl(List<StructureDefinition> profiles) {
        Map<String, StructureDefinition> byUrl = new LinkedHashMap<>();
        profiles.forEach(p -> byUrl.put(p.getUrl(), p));
        return byUrl;
    }

    private static <T> List<T> union(Collection<T> a, Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }
}
