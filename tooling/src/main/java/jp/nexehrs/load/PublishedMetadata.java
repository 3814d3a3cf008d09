package jp.nexehrs.load;

import jp.nexehrs.fhir.ConformanceNarrative;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.Property;

import java.util.List;
import java.util.Optional;

/**
 * What the IG Publisher adds to a guide's conformance resources when it publishes them, from {@code nexehrs.yaml}:
 * a generated narrative ({@code text}) on every one that has none, and on those under the project's own bases
 * {@code language}, {@code jurisdiction}, {@code contact}, {@code copyright} and {@code experimental} where the yaml gives
 * them. What the author wrote is never replaced, and a copy of another publisher's resource (outside the project's bases)
 * gets no publisher details of ours.
 *
 * <p>This is done as the resources are read, beside {@link VersionStamp}, not when the package is written: the
 * validation support chain, the snapshots, the site's JSON and the package then all hold the same resource, and the
 * narrative the check stage's validator and every later reader sees is the one implementers download.
 */
public final class PublishedMetadata {
    static final String ISO_3166 = "urn:iso:std:iso:3166";
    private final ProjectConfig config;
    private final ConformanceNarrative narrative;

    public PublishedMetadata(ProjectConfig config) {
        this.config = config;
        this.narrative = new ConformanceNarrative(config.japanese(), Optional.ofNullable(config.language()));
    }

    /** Completes {@code resource} in place (it was just parsed and is not shared yet) and returns it. */
    public IBaseResource apply(IBaseResource resource) {
        if (!(resource instanceof MetadataResource canonical)) return resource;
        if (!canonical.hasText()) canonical.setText(narrative.of(canonical));
        if (!config.owns(ConformanceNarrative.primitive(canonical, "url").orElse(null))) return resource;
        // Not on a CodeSystem: the HL7 validator reads its language as the language of its displays and, validating in
        // English as it does by default, then rejects the Japanese displays of examples against the English designations.
        if (!canonical.hasLanguage() && config.language() != null && !(canonical instanceof CodeSystem)) canonical.setLanguage(config.language());
        if (config.jurisdiction() != null) {
            fill(canonical, "jurisdiction", List.of(new CodeableConcept().addCoding(new Coding(ISO_3166, config.jurisdiction(), null))));
        }
        fill(canonical, "contact", config.contact().stream().map(PublishedMetadata::detail).toList());
        if (config.experimental() != null) fill(canonical, "experimental", List.of(new BooleanType(config.experimental())));
        if (config.copyright() != null) fill(canonical, "copyright", List.of(new MarkdownType(config.copyright())));
        return resource;
    }

    /**
     * Sets {@code property} to {@code values} when the resource's type has it (R4's NamingSystem has no
     * {@code experimental}, a SearchParameter no {@code copyright}) and the author gave it no value.
     */
    private static void fill(MetadataResource resource, String property, List<? extends Base> values) {
        Property existing = resource.getNamedProperty(property);
        if (existing == null || existing.hasValues()) return;
        values.forEach(value -> resource.setProperty(property, value));
    }

    static ContactDetail detail(ProjectConfig.Contact contact) {
        ContactDetail detail = new ContactDetail();
        if (contact.name() != null) detail.setName(contact.name());
        if (contact.email() != null) detail.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(contact.email());
        if (contact.url() != null) detail.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue(contact.url());
        return detail;
    }
}
