package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The last support of the chain: checks a code against a ValueSet the validator hands over as a resource when no
 * support knows that ValueSet's URL, as with a ValueSet contained in a profile that states its own {@code url}.
 * HAPI's chain first asks each support whether it knows the URL, so nobody would answer and the validator would
 * report "Validation failed" (an error under a required binding) for a code the ValueSet does contain.
 */
final class GivenValueSetValidation implements IValidationSupport {
    private final InMemoryTerminologyServerValidationSupport inMemory;

    GivenValueSetValidation(FhirContext context) {
        inMemory = new InMemoryTerminologyServerValidationSupport(context);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
        return true;
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context, ConceptValidationOptions options,
                                                       String system, String code, String display, IBaseResource valueSet) {
        return inMemory.validateCodeInValueSet(context, options, system, code, display, valueSet);
    }

    @Override
    public FhirContext getFhirContext() {
        return inMemory.getFhirContext();
    }

    @Override
    public String getName() {
        return "given ValueSet (in memory)";
    }
}
