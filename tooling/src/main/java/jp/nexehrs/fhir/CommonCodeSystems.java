package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.LookupCodeRequest;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.ArrayList;
import java.util.List;

/**
 * HAPI's offline terminology for the code systems FHIR defines by rule (BCP-47 languages, MIME types, UCUM,
 * ISO countries and currencies), with one correction: a code that is valid in its code system but absent from
 * an enumerated value set (BCP-47 {@code ja-JP} and R4's "Common Languages", which lists only {@code ja}) is
 * labelled "not in the value set", as HAPI's in-memory terminology and the HL7 terminology server label it.
 * HAPI 8.8.1 labels it "invalid code", which the validator passes through as an error whatever the binding's
 * strength; labelled right, the validator applies the strength (preferred: information, required: error).
 * A wrapper, not a subclass: HAPI looks up this service's message texts by its class name.
 * <p>
 * Relies on HAPI internals: seam S7 in tooling/HAPI-SEAMS.md, pinned by HapiSeamsTest.
 */
final class CommonCodeSystems implements IValidationSupport {
    private final CommonCodeSystemsTerminologyService delegate;

    CommonCodeSystems(FhirContext context) {
        delegate = new CommonCodeSystemsTerminologyService(context);
    }

    @Override
    public CodeValidationResult validateCode(ValidationSupportContext context, ConceptValidationOptions options, String system,
                                             String code, String display, String valueSetUrl) {
        CodeValidationResult result = delegate.validateCode(context, options, system, code, display, valueSetUrl);
        if (result == null || result.isOk() || valueSetUrl == null || system == null) return result;
        CodeValidationResult inCodeSystem = delegate.validateCode(context, options, system, code, display, null);
        return inCodeSystem != null && inCodeSystem.isOk() ? notInValueSet(result) : result;
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(ValidationSupportContext context, ConceptValidationOptions options,
                                                       String system, String code, String display, IBaseResource valueSet) {
        CodeValidationResult result = delegate.validateCodeInValueSet(context, options, system, code, display, valueSet);
        if (result == null || result.isOk() || system == null) return result;
        CodeValidationResult inCodeSystem = delegate.validateCode(context, options, system, code, display, null);
        return inCodeSystem != null && inCodeSystem.isOk() ? notInValueSet(result) : result;
    }

    private static CodeValidationResult notInValueSet(CodeValidationResult result) {
        CodeValidationIssue issue = new CodeValidationIssue(result.getMessage(), result.getSeverity(),
                CodeValidationIssueCode.CODE_INVALID, CodeValidationIssueCoding.NOT_IN_VS);
        return result.setIssues(new ArrayList<>(List.of(issue)));
    }

    @Override
    public LookupCodeResult lookupCode(ValidationSupportContext context, LookupCodeRequest request) {
        return delegate.lookupCode(context, request);
    }

    @Override
    public IBaseResource fetchCodeSystem(String system) {
        return delegate.fetchCodeSystem(system);
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext context, String system) {
        return delegate.isCodeSystemSupported(context, system);
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext context, String valueSetUrl) {
        return delegate.isValueSetSupported(context, valueSetUrl);
    }

    @Override
    public FhirContext getFhirContext() {
        return delegate.getFhirContext();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }
}
