package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

import java.util.HashMap;
import java.util.Map;

/**
 * The StructureDefinitions of another support, each copied the first time it is asked for and the copy given from
 * then on: whatever a reader caches in or writes on them stays with this reader. Not thread-safe: one per thread.
 * The copies carry no user data (R4's {@code copy()} leaves it behind), so HAPI's cached R5 forms are not shared.
 * <p>
 * Relies on HAPI internals: seam S5 in tooling/HAPI-SEAMS.md, pinned by HapiSeamsTest.
 */
final class PrivateDefinitions implements IValidationSupport {
    private final IValidationSupport source;
    private final Map<String, IBaseResource> copies = new HashMap<>();

    PrivateDefinitions(IValidationSupport source) {
        this.source = source;
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        IBaseResource copy = copies.get(url);
        if (copy == null) {
            IBaseResource original = source.fetchStructureDefinition(url);
            if (original == null) return null;
            copy = ((Resource) original).copy();
            copies.put(url, copy);
        }
        return copy;
    }

    @Override
    public FhirContext getFhirContext() {
        return source.getFhirContext();
    }

    @Override
    public String getName() {
        return "private copies of " + source.getName();
    }
}
