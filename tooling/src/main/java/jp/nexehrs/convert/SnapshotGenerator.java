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
 * Gives every local StructureDefinition a snapshot, after what it needs (its base, the profiles its elements' types
 * name), and registers the result in the support chain so that derived profiles and the validator see it. A cycle
 * of bases or a base that cannot be found is a finding on the profile's file. A StructureDefinition that already
 * has a snapshot keeps it unchanged.
 */
final class SnapshotGenerator {
    private final ConformanceSupport support;
    private final BuildCache cache;
    private final String dependencyDigest;

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
        // Each profile enters the chain only with its snapshot, what it needs first: a profile left out (a cycle, a
        // missing base) can never send the generator after a differential-only definition. One at a time: generated
        // on two threads over one chain, a profile's snapshot now and then came out different (CachedBuildTest).
        List<FhirSource> byBase = dependencyOrder(profilesByUrl, findings);
        for (FhirSource source : ProfileNeeds.inOrder(byBase, profile -> (StructureDefinition) profile.resource())) {
            Optional<String> key = cached.keyOf(source);
            Optional<StructureDefinition> remembered = key.flatMap(cached::find);
            StructureDefinition published = (StructureDefinition) source.resource();
            if (remembered.isPresent()) {
                support.add(remembered.get());
                artifacts.add(new ConformanceArtifact(source, remembered.get()));
            } else if (published.hasSnapshot() && !published.getSnapshot().getElement().isEmpty()) {
                // A profile published with its snapshot (another package's, exported by another tool) keeps it:
                // it is what that publisher's implementers validate against. Not copied: nothing changes it, and
                // the copies were 180 MB of the 1.2 GB live heap of the 16x synthetic build (tooling/BENCHMARKS.md).
                support.add(published);
                artifacts.add(new ConformanceArtifact(source, published));
            } else {
                Attempt attempt = baseProblem(source).map(Attempt::failed).orElseGet(() -> generate(source));
                if (attempt.failure() != null) {
                    findings.add(attempt.failure());
                    continue;
                }
                support.add(attempt.snapshot());
                artifacts.add(new ConformanceArtifact(source, attempt.snapshot()));
                key.ifPresent(k -> cached.remember(k, attempt.snapshot()));
            }
        }
        return new Result(artifacts, findings);
    }

    /** Why {@code source} cannot be generated before trying: no base, or a base nobody has. */
    private Optional<Finding> baseProblem(FhirSource source) {
        StructureDefinition definition = (StructureDefinition) source.resource();
        String base = definition.getBaseDefinition();
        if (base == null || base.isBlank()) {
            return Optional.of(Finding.error(source.file(), 0, 0, "StructureDefinition '" + definition.getUrl()
                    + "' has neither a baseDefinition nor a snapshot"));
        }
        if (support.fetchStructureDefinition(base) == null) {
            return Optional.of(Finding.error(source.file(), TextPositions.lineOf(source.text(), "baseDefinition"), 0,
                    "base definition '" + base + "' cannot be found in FHIR R4, this project or its dependencies"));
        }
        return Optional.empty();
    }

    /** A generated snapshot, or why there is none. */
    private record Attempt(StructureDefinition snapshot, Finding failure) {
        static Attempt failed(Finding failure) {
            return new Attempt(null, failure);
        }
    }

    /** Generates the snapshot on a copy of the differential. */
    private Attempt generate(FhirSource source) {
        StructureDefinition differential = copyOf(source);
        try {
            differential.setSnapshot(null);
            ChoiceSliceForm.normalise(differential);
            StructureDefinition generated = (StructureDefinition) support.generateSnapshot(differential, differential.getUrl(), differential.getName());
            if (generated == null || !generated.hasSnapshot() || generated.getSnapshot().getElement().isEmpty()) {
                return Attempt.failed(Finding.error(source.file(), 0, 0, "no snapshot could be generated for '" + differential.getUrl() + "'"));
            }
            return new Attempt(generated, null);
        } catch (RuntimeException e) {
            return Attempt.failed(Finding.error(source.file(), 0, 0, "snapshot generation failed: " + message(e)));
        } catch (StackOverflowError e) {
            // The generator recurses through bases; a pathological chain must be a finding, not a crash.
            return Attempt.failed(Finding.error(source.file(), 0, 0,
                    "snapshot generation recursed without end (a cycle through another package's profiles?)"));
        }
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
