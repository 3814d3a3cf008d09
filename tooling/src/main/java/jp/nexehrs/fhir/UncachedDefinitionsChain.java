package jp.nexehrs.fhir;

import ca.uhn.fhir.context.support.IValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;

/**
 * HAPI's validation chain, except that a StructureDefinition is looked up in the supports each time it is asked for.
 * HAPI's chain keeps every StructureDefinition it has fetched by URL, for good: every profile the validator looked
 * at stayed in memory until the build ended, whatever the supports let go ({@link ReparsableResource}). The lookups it
 * saved are map lookups. Everything else (value sets, code systems, terminology answers) is cached as HAPI does.
 * <p>
 * Relies on HAPI internals: seam S6 in tooling/HAPI-SEAMS.md, pinned by HapiSeamsTest.
 */
final class UncachedDefinitionsChain extends ValidationSupportChain {
    private final List<IValidationSupport> supports;

    UncachedDefinitionsChain(List<IValidationSupport> supports) {
        super(supports);
        this.supports = List.copyOf(supports);
    }

    @Override
    public IBaseResource fetchStructureDefinition(String url) {
        for (IValidationSupport support : supports) {
            IBaseResource found = support.fetchStructureDefinition(url);
            if (found != null) return found;
        }
        return null;
    }
}
