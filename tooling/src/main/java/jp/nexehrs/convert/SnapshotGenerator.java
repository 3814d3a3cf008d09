package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.report.Finding;
import jp.nexehrs.util.TextPositions;
import org.hl7.fhir.r4.model.StructureDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gives every local StructureDefinition a snapshot, bases before the profiles derived from them, and registers
 * the result in the support chain so that derived profiles and the validator see it. A cycle of bases or a base
 * that cannot be found is a finding on the profile's file. A StructureDefinition that already has a snapshot
 * keeps it unchanged.
 */
final class SnapshotGenerator {
    private final ConformanceSupport support;
    private final BuildCache cache;
    private final String dependencyDigest;

    SnapshotGenerator(ConformanceSupport support) {
        this(support, BuildCache.disabled(), "");
    }

    /** @param dependencyDigest identifies the dependency packages the profiles may derive from (part of the cache keys) */
    SnapshotGenerator(ConformanceSupport support, BuildCache cache, String dependencyDigest) {
        this.support = support;
        this.cache = cache;
        this.dependencyDigest = dependencyDigest;
    }

    record Result(List<ConformanceArtifact> artifacts, List<Finding> findings) {}

    Result generate(List<FhirSource> conformance) {
        List<Finding> findings = new ArrayList<>();
        Map<String, FhirSource> profilesByUrl = new LinkedHashMap<>();
        List<ConformanceArtifact> artifacts = new ArrayList<>();
        for (FhirSource source : conformance) {
            if (source.resource() instanceof StructureDefinition) profilesByUrl.putIfAbsent(source.url(), source);
            else {
                support.add(source.resource());
                artifacts.add(new ConformanceArtifact(source, source.resource()));
            }
        }
        CachedSnapshots cached = new CachedSnapshots(cache, support.engine(), dependencyDigest, profilesByUrl);
        // Each profile enters the chain only with its snapshot, bases first: a profile left out (a cycle, a
        // missing base) can never send the generator after a differential-only definition.
        for (FhirSource source : dependencyOrder(profilesByUrl, findings)) {
            Optional<String> key = cached.keyOf(source);
            Optional<StructureDefinition> remembered = key.flatMap(cached::find);
            if (remembered.isPresent()) {
                support.add(remembered.get());
                artifacts.add(new ConformanceArtifact(source, remembered.get()));
                continue;
            }
            StructureDefinition published = (StructureDefinition) source.resource();
            if (published.hasSnapshot() && !published.getSnapshot().getElement().isEmpty()) {
                // A profile published with its snapshot (another package's, exported by another tool) keeps it:
                // it is what that publisher's implementers validate against. Not copied: nothing changes it, and
                // the copies were 180 MB of the 1.2 GB live heap of the 16x synthetic build (tooling/BENCHMARKS.md).
                support.add(published);
                artifacts.add(new ConformanceArtifact(source, published));
                continue;
            }
            StructureDefinition differential = copyOf(source);
            String base = differential.getBaseDefinition();
            if (base == null || base.isBlank()) {
                findings.add(Finding.error(source.file(), 0, 0, "StructureDefinition '" + differential.getUrl()
                        + "' has neither a baseDefinition nor a snapshot"));
                continue;
            }
            if (support.fetchStructureDefinition(base) == null) {
                findings.add(Finding.error(source.file(), TextPositions.lineOf(source.text(), "baseDefinition"), 0,
                        "base definition '" + base + "' cannot be found in FHIR R4, this project or its dependencies"));
                continue;
            }
            try {
                differential.setSnapshot(null);
                ChoiceSliceForm.normalise(differential);
                StructureDefinition generated = (StructureDefinition) support.generateSnapshot(differential, differential.getUrl(), differential.getName());
                if (generated == null || !generated.hasSnapshot() || generated.getSnapshot().getElement().isEmpty()) {
                    findings.add(Finding.error(source.file(), 0, 0, "no snapshot could be generated for '" + differential.getUrl() + "'"));
                    continue;
                }
                support.add(generated);
                artifacts.add(new ConformanceArtifact(source, generated));
                key.ifPresent(k -> cached.remember(k, generated));
            } catch (RuntimeException e) {
                findings.add(Finding.error(source.file(), 0, 0, "snapshot generation failed: " + message(e)));
            } catch (StackOverflowError e) {
                // The generator recurses through bases; a pathological chain must be a finding, not a crash.
                findings.add(Finding.error(source.file(), 0, 0, "snapshot generation recursed without end (a cycle through another package's profiles?)"));
            }
        }
        return new Result(artifacts, findings);
    }

    /** Local profiles ordered so that each comes after its local base; cycles are reported and left out. */
    private List<FhirSource> dependencyOrder(Map<String, FhirSource> profilesByUrl, List<Finding> findings) {
        List<FhirSource> ordered = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String url : profilesByUrl.keySet()) {
            visit(url, profilesByUrl, new ArrayList<>(), done, ordered, findings);
        }
        return ordered;
    }

    private void visit(String url, Map<String, FhirSource> profiles, List<String> path, Set<String> done,
                       List<FhirSource> ordered, List<Finding> findings) {
        if (done.contains(url)) return;
        FhirSource source = profiles.get(url);
        int start = path.indexOf(url);
        if (start >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(start, path.size()));
            cycle.add(url);
            for (String member : new HashSet<>(cycle)) {
                FhirSource in = profiles.get(member);
                findings.add(Finding.error(in.file(), TextPositions.lineOf(in.text(), "baseDefinition"), 0,
                        "profiles derive from each other in a cycle: " + String.join(" -> ", cycle)));
                done.add(member);
            }
            return;
        }
        String base = ((StructureDefinition) source.resource()).getBaseDefinition();
        path.add(url);
        if (base != null && profiles.containsKey(base)) visit(base, profiles, path, done, ordered, findings);
        path.remove(path.size() - 1);
        if (done.add(url)) ordered.add(source);
    }

    private static StructureDefinition copyOf(FhirSource source) {
        return ((StructureDefinition) source.resource()).copy();
    }

    private static String message(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("HAPI-\\d+: ", "");
    }
}
