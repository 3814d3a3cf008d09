package jp.nexehrs.load;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Property;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes the equal string values of parsed resources one String object. A profile's snapshot repeats its base's
 * element definitions (short texts, definitions, comments, paths, URLs), so most of a guide's string values are
 * repeats: of JP Core 1.1.2's 4.3 million characters of string values, 0.94 million are distinct. Applied to what
 * the load stage parses, which a build of a guide that size keeps parsed throughout (ReparsableResource,
 * RecentlyUsed), and the validator's R5 forms share these strings; a resource parsed again later is not shared. One
 * per load, so that it holds nothing after; thread-safe, since the load stage parses on several threads.
 */
final class SharedStrings {
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    /** Replaces each string value of {@code resource} by an equal one seen before, if any. */
    void share(IBaseResource resource) {
        if (resource instanceof Base base) share(base);
    }

    @SuppressWarnings("unchecked")
    private void share(Base element) {
        // An id's value is parsed into parts when set: left as it is.
        if (element instanceof PrimitiveType<?> primitive) {
            if (!(element instanceof IdType) && primitive.getValue() instanceof String value) {
                String shared = seen.putIfAbsent(value, value);
                if (shared != null && shared != value) ((PrimitiveType<String>) primitive).setValue(shared);
            }
            return;
        }
        // children() lists the fields as they are: it creates nothing that was absent (the getters would).
        for (Property property : element.children()) {
            if (property.hasValues()) for (Base value : property.getValues()) share(value);
        }
    }
}
