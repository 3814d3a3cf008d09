package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the conformance resources a user of the support chain fetched in memory for as long as that user lives, so
 * that it always sees the same object for the same URL. Memory may let a resource go and have it parsed again
 * ({@link ReparsableResource}); HAPI's validator keeps what it read in caches of its own (the R5 form of each
 * profile, its elements' children) and matches elements by identity, so a profile parsed again in the middle of its
 * life could be two objects to it: with every unused resource let go at each collection, examples lost warnings
 * (tooling/BENCHMARKS.md). A core validator pins what it fetches until it is retired.
 * <p>
 * Relies on HAPI internals: seam S5 in tooling/HAPI-SEAMS.md, pinned by HapiSeamsTest.
 */
public final class ResourcePins {
    private final ThreadLocal<Set<IBaseResource>> current = new ThreadLocal<>();

    /** A set for one user to pin into. Not thread-safe: for a user that one thread at a time works with. */
    public static Set<IBaseResource> newSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** Runs {@code work} on this thread, pinning into {@code pins} every resource the chain gives it meanwhile. */
    public <T> T during(Set<IBaseResource> pins, Supplier<T> work) {
        Set<IBaseResource> outer = current.get();
        current.set(pins);
        try {
            return work.get();
        } finally {
            if (outer == null) current.remove();
            else current.set(outer);
        }
    }

    /** Pins {@code resource} for the work running on this thread, if any asked for it. */
    void pin(IBaseResource resource) {
        Set<IBaseResource> pins = current.get();
        if (pins != null && resource != null) pins.add(resource);
    }
}
