package jp.nexehrs.check;

import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.IMessagingServices;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;

import java.util.List;
import java.util.Set;

/**
 * HAPI's policy advisor (references not resolved) with the two rules of the HL7 validator's full-validation
 * policy that HAPI 8.8.1 leaves out: its default answers "no policy" to every special check, which silently skips
 * the validator's CodeSystem property, ValueSet filter and import checks, and it implies no profiles, which skips
 * the vital-signs profiles FHIR R4 requires of an Observation with a vital-sign LOINC or SNOMED CT code.
 */
final class FullValidationPolicy extends FhirDefaultPolicyAdvisor {
    private final BasePolicyAdvisorForFullValidation reference =
            new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of());

    @Override
    public SpecialValidationAction policyForSpecialValidation(IResourceValidator validator, Object appContext,
                                                              SpecialValidationRule rule, String path, Element resource,
                                                              Element element) {
        return SpecialValidationAction.CHECK_RULE;
    }

    @Override
    public List<StructureDefinition> getImpliedProfilesForResource(IResourceValidator validator, Object appContext,
                                                                   String stackPath, ElementDefinition definition,
                                                                   StructureDefinition structure, Element resource,
                                                                   boolean valid, IMessagingServices messaging,
                                                                   List<ValidationMessage> messages) {
        return reference.getImpliedProfilesForResource(validator, appContext, stackPath, definition, structure, resource,
                valid, messaging, messages);
    }
}
