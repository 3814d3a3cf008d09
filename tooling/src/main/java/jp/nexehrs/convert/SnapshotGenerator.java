package jp.nexehrs.convert;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.LibraryMessages;
import jp.nexehrs.fhir.ConformanceSupport.SnapshotSession;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.SourceText;
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
 * name), and registers the result in the support chain so that derived profiles and the validator see it. Profiles
 * that need nothing of each other are generated at once on a few threads. A cycle of bases or a base that cannot be
 * found is a finding on the profile's file. A StructureDefinition that already has a snapshot keeps it unchanged.
 */
final class SnapshotGenerator {
    /** FHIR R5's root of all types, which R4 guides' logical models may name as their parent. */
    private static final String R5_BASE = "http://hl7.org/fhir/StructureDefinition/Base";
    private final ConformanceSupport support;
    private final BuildCache cache;
    private final String dependencyDigest;
    private final ConcurrentSnapshots generations;

    /**
     * @param dependencyDigest identifies the dependency packages the profiles may derive from (part of the cache keys)
     * @param threads          snapshots generated at once, among profiles that need nothing of each other
     */
    SnapshotGenerator(ConformanceSupport support, BuildCache cache, String dependencyDigest, int threads) {
        this.support = support;
        this.cache = cache;
        this.dependencyDigest = dependencyDigest;
        this.generations = new ConcurrentSnapshots(support, threads);
    }

    record Result(List<ConformanceArtifact> artifacts, List<Finding> findings) {}

    Result generate(List<FhirSource> conformance) {
        List<Finding> findings = new ArrayList<>();
        Map<String, FhirSource> profilesByUrl = new LinkedHashMap<>();
        List<ConformanceArtifact> artifacts = new ArrayList<>();
        for (FhirSource source : conformance) {
            if (source.resource() instanceof StructureDefinition) profilesByUrl.putIfAbsent(source.url(), source);
            else {
                support.add(source.parsed());
                artifacts.add(ConformanceArtifact.asRead(source));
            }
        }
        CachedSnapshots cached = new CachedSnapshots(cache, support.engine(), dependencyDigest, profilesByUrl);
        // Each profile enters the chain only with its snapshot, what it needs first: a profile left out (a cycle, a
        // missing base) can never send the generator after a differential-only definition. The profiles of one
        // level need nothing of each other: they are generated at once, while nothing is added to the chain, and
        // enter it together, in order, when all are done.
        List<FhirSource> byBase = dependencyOrder(profilesByUrl, findings);
        Set<String> onR5Base = new HashSet<>();
        for (List<FhirSource> level : ProfileNeeds.levels(byBase, profile -> (StructureDefinition) profile.resource())) {
            List<Pending> pending = new ArrayList<>();
            for (FhirSource source : level) {
                StructureDefinition published = (StructureDefinition) source.resource();
                if (published.hasSnapshot() && !published.getSnapshot().getElement().isEmpty()) {
                    // A profile published with its snapshot (another package's, exported by another tool) keeps it:
                    // it is what that publisher's implementers validate against. Not copied: nothing changes it, and
                    // the copies were a large share of a large build's live heap (tooling/BENCHMARKS.md).
                    // (Nor looked up in the cache: its key holds its text, snapshot and all, so nothing was remembered.)
                    support.add(source.parsed());
                    artifacts.add(ConformanceArtifact.asRead(source));
                    continue;
                }
                Optional<String> key = cached.keyOf(source);
                Optional<CachedSnapshots.Remembered> remembered = key.flatMap(cached::find);
                if (remembered.isPresent()) {
                    ConformanceArtifact artifact = ConformanceArtifact.made(source, remembered.get().profile(), remembered.get().json(),
                            support.engine());
                    support.add(artifact.parsed());
                    artifacts.add(artifact);
                } else {
                    baseProblem(source, onR5Base).ifPresentOrElse(findings::add, () -> pending.add(new Pending(source, key)));
                }
            }
            for (Attempt attempt : generations.generate(pending, this::generate)) {
                if (attempt.failure() != null) {
                    findings.add(attempt.failure());
                    continue;
                }
                // Encoded once: kept with the artifact and remembered in the cache.
                SourceText json = ConformanceArtifact.json(attempt.snapshot(), support.engine());
                ConformanceArtifact artifact = ConformanceArtifact.made(attempt.pending().source(), attempt.snapshot(), json, support.engine());
                support.add(artifact.parsed());
                artifacts.add(artifact);
                attempt.pending().key().ifPresent(k -> cached.remember(k, json));
            }
        }
        return new Result(artifacts, findings);
    }

    /** A profile whose snapshot is to be generated, and its cache key when it can be cached. */
    private record Pending(FhirSource source, Optional<String> key) {}

    /**
     * Why {@code source} cannot be generated before trying: no base, or a base nobody has. A logical model on FHIR R5's
     * Base (which SUSHI and the IG Publisher allow in an R4 guide) and those derived from it are left out with a
     * warning, not an error in the guide: R4 has no Base to build a snapshot from. {@code onR5Base} collects them.
     */
    private Optional<Finding> baseProblem(FhirSource source, Set<String> onR5Base) {
        StructureDefinition definition = (StructureDefinition) source.resource();
        String base = definition.getBaseDefinition();
        if (R5_BASE.equals(base) || onR5Base.contains(base)) {
            onR5Base.add(definition.getUrl());
            return Optional.of(Finding.warning(source.file(), TextPositions.lineOf(source.text(), "baseDefinition"), 0,
                    "'" + definition.getUrl() + "' derives from " + (R5_BASE.equals(base) ? "" : "'" + base + "', which derives from ")
                            + "FHIR R5's Base, which FHIR R4 does not define: it is left out of the site and the package, not checked"));
        }
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
    private record Attempt(Pending pending, StructureDefinition snapshot, Finding failure) {
        static Attempt failed(Pending pending, Finding failure) {
            return new Attempt(pending, null, failure);
        }
    }

    /** Generates the snapshot on a copy of the differential. */
    private Attempt generate(Pending pending, SnapshotSession session) {
        FhirSource source = pending.source();
        StructureDefinition differential = copyOf(source);
        try {
            differential.setSnapshot(null);
            ChoiceSliceForm.normalise(differential);
            StructureDefinition generated = (StructureDefinition) session.generate(differential, differential.getUrl(), differential.getName());
            if (generated == null || !generated.hasSnapshot() || generated.getSnapshot().getElement().isEmpty()) {
                return Attempt.failed(pending, Finding.error(source.file(), 0, 0, "no snapshot could be generated for '" + differential.getUrl() + "'"));
            }
            return new Attempt(pending, generated, null);
        } catch (RuntimeException e) {
            return Attempt.failed(pending, Finding.error(source.file(), 0, 0, "snapshot generation failed: " + message(e)));
        } catch (StackOverflowError e) {
            // The generator recurses through bases; a pathological chain must be a finding, not a crash.
            return Attempt.failed(pending, Finding.error(source.file(), 0, 0,
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
        return LibraryMessages.of(e);
    }
}
