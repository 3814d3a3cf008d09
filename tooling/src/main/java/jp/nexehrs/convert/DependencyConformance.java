package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.ConformanceSupport.SnapshotSession;
import jp.nexehrs.fhir.LibraryMessages;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.report.Finding;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the conformance resources of dependency packages into the support chain, and gives every dependency
 * StructureDefinition that was published without a snapshot (a "differential" package) a snapshot: bases, and
 * the profiles their elements use, before the profiles that need them, and those that need nothing of each other at
 * once, as {@link SnapshotGenerator} does for the project's own profiles. Packages are taken as given: their own
 * dependencies are not resolved further.
 */
public final class DependencyConformance {
    private final ConformanceSupport support;
    private final ConcurrentSnapshots generations;

    /** @param threads snapshots generated at once, among profiles that need nothing of each other */
    public DependencyConformance(ConformanceSupport support, int threads) {
        this.support = support;
        this.generations = new ConcurrentSnapshots(support, threads);
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
        List<Packaged> ordered = List.copyOf(withoutSnapshot.values());
        for (List<Packaged> level : ProfileNeeds.levels(ordered, Packaged::definition)) {
            for (Generated generated : generations.generate(level, this::generate)) {
                findings.addAll(generated.findings());
                if (generated.snapshot() != null) support.addFromDependency(generated.snapshot());
            }
        }
        // Whatever was looked up (and cached) while generating is fetched afresh from now on.
        support.resourcesChanged();
        return findings;
    }

    /** A generated snapshot, or the findings that say why there is none. */
    private record Generated(StructureDefinition snapshot, List<Finding> findings) {
        static Generated failed(Finding finding) {
            return new Generated(null, List.of(finding));
        }
    }

    private Generated generate(Packaged packaged, SnapshotSession session) {
        StructureDefinition differential = packaged.definition().copy();
        String base = differential.getBaseDefinition();
        if (base == null || base.isBlank()) {
            return Generated.failed(Finding.error(packaged.file(), 0, 0, "StructureDefinition '" + differential.getUrl()
                    + "' has neither a baseDefinition nor a snapshot"));
        }
        if (support.fetchStructureDefinition(base) == null) {
            return Generated.failed(Finding.error(packaged.file(), 0, 0, "base definition '" + base
                    + "' cannot be found in FHIR R4 or the dependency packages"));
        }
        try {
            differential.setSnapshot(null);
            ChoiceSliceForm.normalise(differential);
            StructureDefinition generated = (StructureDefinition) session.generate(differential, differential.getUrl(), differential.getName());
            if (!hasSnapshot(generated)) {
                return Generated.failed(Finding.error(packaged.file(), 0, 0, "no snapshot could be generated for '" + differential.getUrl() + "'"));
            }
            return new Generated(generated, List.of());
        } catch (RuntimeException e) {
            return Generated.failed(Finding.error(packaged.file(), 0, 0, "snapshot generation failed: " + LibraryMessages.of(e)));
        }
    }

    private static boolean hasSnapshot(StructureDefinition definition) {
        return definition != null && definition.hasSnapshot() && !definition.getSnapshot().getElement().isEmpty();
    }
}
