package jp.nexehrs.fhir;

import org.hl7.fhir.instance.model.api.IBaseResource;

import java.lang.ref.SoftReference;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A parsed resource that the collector may take back when memory runs short, and that is parsed again from its text
 * when next asked for. A build holds every resource of the project from load to publish; held as objects, they
 * made its memory grow with the input (HAPI's R4 objects, and the R5 forms the validator caches inside them, were
 * most of a large build's live heap: tooling/BENCHMARKS.md). Held softly, the heap cap bounds them.
 * <p>
 * The most recently used are kept whatever the collector does ({@link RecentlyUsed}).
 * <p>
 * Callers must treat the resource as read-only (later stages copy before changing) and must not keep it longer than
 * they use it, or it stays in memory; two calls may give two equal objects instead of one. Thread-safe.
 */
public final class ReparsableResource {
    private final Supplier<? extends IBaseResource> parseAgain;
    private final RecentlyUsed recent;
    private SoftReference<IBaseResource> kept;

    private ReparsableResource(IBaseResource parsed, Supplier<? extends IBaseResource> parseAgain, RecentlyUsed recent) {
        this.parseAgain = parseAgain;
        this.recent = recent;
        this.kept = new SoftReference<>(parsed);
    }

    /**
     * @param parseAgain makes an equal resource anew, e.g. by parsing the text {@code parsed} was read from
     * @param recent     where the resources of one project that were used last are kept
     */
    public static ReparsableResource of(IBaseResource parsed, Supplier<? extends IBaseResource> parseAgain, RecentlyUsed recent) {
        return new ReparsableResource(Objects.requireNonNull(parsed, "parsed"), Objects.requireNonNull(parseAgain, "parseAgain"),
                Objects.requireNonNull(recent, "recent"));
    }

    /**
     * Another resource of the same project (e.g. one made from this one), kept among the same recently used; beside
     * a {@link #held} resource, held too.
     */
    public ReparsableResource alongside(IBaseResource parsed, Supplier<? extends IBaseResource> parseAgain) {
        return recent == null ? held(parsed) : of(parsed, parseAgain, recent);
    }

    /** A resource that is never let go (it has no text to be parsed from), or none: {@link #get()} gives it as is. */
    public static ReparsableResource held(IBaseResource resource) {
        return new ReparsableResource(resource, () -> resource, null);
    }

    /** The resource: the one parsed last, if memory kept it, else parsed now. */
    public synchronized IBaseResource get() {
        IBaseResource resource = kept.get();
        if (resource == null) {
            resource = parseAgain.get();
            if (resource == null) return null;
            kept = new SoftReference<>(resource);
        }
        if (recent != null) recent.use(this, resource);
        return resource;
    }
}
