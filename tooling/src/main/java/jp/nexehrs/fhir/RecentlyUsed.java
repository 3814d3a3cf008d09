package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parsed resources used most recently, kept in memory whatever the collector does. What a stage works on it asks
 * for again and again (a page reads its resource several times, a validator the same profiles): let go at every
 * collection, they were parsed again so often that parsing became a large part of a large build's CPU time
 * (tooling/BENCHMARKS.md). A fixed number, so the memory they take does not grow with the project. Thread-safe.
 */
public final class RecentlyUsed {
    /** About the conformance resources of one JP-Core-sized guide (148): such a guide keeps all of them parsed. */
    public static final int DEFAULT_CAPACITY = 160;
    private final Map<ReparsableResource, IBaseResource> kept;

    public RecentlyUsed(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        this.kept = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ReparsableResource, IBaseResource> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void use(ReparsableResource owner, IBaseResource resource) {
        kept.put(owner, resource);
    }
}
