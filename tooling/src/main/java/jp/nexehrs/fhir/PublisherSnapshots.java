package jp.nexehrs.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.hapi.converters.canonical.VersionCanonicalizer;
import org.hl7.fhir.common.hapi.validation.validator.ProfileKnowledgeWorkerR5;
import org.hl7.fhir.common.hapi.validation.validator.WorkerContextValidationSupportAdapter;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r5.conformance.profile.ProfileUtilities;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.utilities.validation.ValidationMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Generates a profile's snapshot with the HL7 generator ({@code ProfileUtilities}) set up as the IG Publisher sets it
 * up for an R4 guide: the new slicing processing, publication mode, the differential sorted and its ids set first, a
 * root element put in front of a differential that lacks one. HAPI's {@code SnapshotGeneratingValidationSupport} calls
 * the same generator with its defaults, and those differ where real guides notice: a profile naming in the short form
 * a type slice its base defines ({@code rateQuantity} where the base slices {@code rate[x]} into rateRatio, rateRange,
 * rateQuantity) got {@code rate[x]} narrowed to that slice's type, where the publisher keeps every type of the base.
 * Guides are published with the publisher's output, so that is the snapshot their implementers validate against. As
 * in the publisher, the differential that comes back is the sorted one, with its ids set.
 */
final class PublisherSnapshots {
    private final FhirContext context;
    private final VersionCanonicalizer canonicalizer;

    PublisherSnapshots(FhirContext context) {
        this.context = context;
        this.canonicalizer = new VersionCanonicalizer(context);
    }

    /**
     * @param definitions where the base and the profiles the differential names are read; generated snapshots of
     *                    others (a type's profile) come from it too
     * @return a new StructureDefinition: {@code differential} with its generated snapshot
     * @throws IllegalArgumentException when the base cannot be found (with its canonical URL)
     */
    IBaseResource generate(IValidationSupport definitions, IBaseResource differential, String url, String name) {
        StructureDefinition profile = canonicalizer.structureDefinitionToCanonical(differential);
        WorkerContextValidationSupportAdapter worker = new WorkerContextValidationSupportAdapter(definitions);
        StructureDefinition base = worker.fetchResource(StructureDefinition.class, profile.getBaseDefinition());
        if (base == null) {
            throw new IllegalArgumentException("base definition '" + profile.getBaseDefinition() + "' cannot be found");
        }
        // The generator's messages are not reported, as HAPI's support did not: the conformance rules (check stage)
        // report what a differential gets wrong, on its file and line.
        List<ValidationMessage> messages = new ArrayList<>();
        ProfileUtilities generator = new ProfileUtilities(worker, messages, new ProfileKnowledgeWorkerR5(context));
        generator.setNewSlicingProcessing(true);
        generator.setForPublication(true);
        profile.setSnapshot(null);
        if (profile.getKind() != StructureDefinition.StructureDefinitionKind.LOGICAL
                || profile.getDerivation() == StructureDefinition.TypeDerivationRule.CONSTRAINT) {
            generator.sortDifferential(base, profile, "profile " + url, new ArrayList<>(), true);
            generator.setIds(profile, true);
            List<ElementDefinition> elements = profile.getDifferential().getElement();
            String first = elements.isEmpty() ? null : elements.get(0).getPath();
            if (first == null || first.contains(".")) {
                elements.add(0, new ElementDefinition().setPath(first == null ? profile.getType() : first.substring(0, first.indexOf('.'))));
            }
        }
        generator.generateSnapshot(base, profile, url, null, name);
        return canonicalizer.structureDefinitionFromCanonical(profile);
    }
}
