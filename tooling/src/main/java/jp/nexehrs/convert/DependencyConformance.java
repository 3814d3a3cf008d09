package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.report.Finding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the conformance resources of dependency packages into the support chain, and gives every dependency
 * StructureDefinition that was published without a snapshot (a "differential" package) a snapshot: bases, and
 * the profiles their elements use, before the profiles that need them, as {@link SnapshotGenerator} does for
 * the project's own profiles. Packages are taken as given: their own dependencies are not resolved further.
 */
public final class DependencyConformance {
    private final ConformanceSupport support;

    public DependencyConformance(ConformanceSupport support) {
        this.support = support;
    }

    private record Packaged(LoadedPackage origin, StructureDefinition definition) {
        String file() {
            return origin.label() + "/StructureDefinition-" + definition.getIdPart() + ".json";
        }
    }

    /** @return a finding for each dependency profile whose snapshot cannot be generated */
    public List<Finding> register(List<LoadedPackage> packages) {
        Map<String, Packaged> withoutSnapshot = new LinkedHashMap<>();
        for (LoadedPackage loaded : packages) {
            for (IBaseResource resource : loaded.conformance()) {
                if (resource instanceof StructureDefinition definition && !hasSnapshot(definition)) {
                    withoutSnapshot.putIfAbsent(definition.getUrl(), new Packaged(loaded, definition));
                    // Differentials go in first: a profile's base must be findable while it is being generated.
                    support.addFromDependency(definition.copy());
                } else {
                    support.addFromDependency(resource);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Packaged packaged : dependencyOrder(withoutSnapshot)) {
            findings.addAll(generate(packaged));
        }
        // Whatever was looked up (and cached) while generating is fetched afresh from now on.
        support.resourcesChanged();
        return findings;
    }

    private List<Finding> generate(Packaged packaged) {
        StructureDefinition differential = packaged.definition().copy();
        String base = differential.getBaseDefinition();
        if (base == null || base.isBlank()) {
            return List.of(Finding.error(packaged.file(), 0, 0, "StructureDefinition '" + differential.getUrl()
                    + "' has neither a baseDefinition nor a snapshot"));
        }
        if (support.fetchStructureDefinition(base) == null) {
            return List.of(Finding.error(packaged.file(), 0, 0, "base definition '" + base
                    + "' cannot be found in FHIR R4 or the dependency packages"));
        }
        try {
            differential.setSnapshot(null);
            ChoiceSliceForm.normalise(differential);
            StructureDefinition generated = (StructureDefinition) support.generateSnapshot(differential, differential.getUrl(), differential.getName());
            if (!hasSnapshot(generated)) {
                return List.of(Finding.error(packaged.file(), 0, 0, "no snapshot could be generated for '" + differential.getUrl() + "'"));
            }
            support.addFromDependency(generated);
            return List.of();
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("HAPI-\\d+: ", "");
            return List.of(Finding.error(packaged.file(), 0, 0, "snapshot generation failed: " + message));
        }
    }

    private static boolean hasSnapshot(StructureDefinition definition) {
        return definition != null && definition.hasSnapshot() && !definition.getSnapshot().getElement().isEmpty();
    }

    /** Each profile after the profiles it needs (its base, the profiles of its elements' types) among those to generate. */
    private static List<Packaged> dependencyOrder(Map<String, Packaged> toGenerate) {
        List<Packaged> ordered = new ArrayList<>();
        Set<String> visited = new HashSet<>();
        for (String url : toGenerate.keySet()) visit(url, toGenerate, visited, ordered);
        return ordered;
    }

    private static void visit(String url, Map<String, Packaged> toGenerate, Set<String> visited, List<Packaged> ordered) {
        Packaged packaged = toGenerate.get(url);
        // visited is set before the needs are visited, so a cycle ends here instead of recursing forever
        if (packaged == null || !visited.add(url)) return;
        for (String needed : ProfileNeeds.of(packaged.definition())) visit(needed, toGenerate, visited, ordered);
        ordered.add(packaged);
    }
}
