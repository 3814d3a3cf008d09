package jp.nexehrs.produce;

import jp.nexehrs.fhir.ConformanceNarrative;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.GuideDeclaration;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectConfig;
import jp.nexehrs.load.PublishedMetadata;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.UrlType;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The package's ImplementationGuide resource, as the IG Publisher puts one in every package it writes: the guide's own
 * (in {@code profiles/}) completed, or one made from {@code nexehrs.yaml}. It names the package and its version,
 * the packages it depends on ({@code dependsOn}), the profiles that apply to every instance of a type
 * ({@code global}), every conformance resource and example of the package ({@code definition.resource}: its name and
 * description, and for an example the profile it illustrates as {@code exampleCanonical}, else
 * {@code exampleBoolean}) and the guideline pages ({@code definition.page}). What the guide's own resource says is kept:
 * only what it leaves out is added.
 */
final class GuideResource {
    /** The base a dependency's ImplementationGuide is named under when its canonical is not known: the package registry's. */
    static final String PACKAGE_REGISTRY = "http://fhir.org/packages/";
    private static final Pattern DOCUMENT_TITLE = Pattern.compile("(?m)^= (\\S.*)$");

    private final Project project;
    private final ProjectConfig config;

    GuideResource(Project project) {
        this.project = project;
        this.config = project.config();
    }

    /**
     * @param conformance the package's conformance resources, by source
     * @param examples    the package's examples
     */
    ImplementationGuide of(List<Listed> conformance, List<FhirSource> examples) {
        ImplementationGuide guide = project.resources(FhirSource.Role.GUIDE).stream().findFirst()
                .map(source -> ((ImplementationGuide) source.resource()).copy())
                .orElseGet(ImplementationGuide::new);
        if (!guide.hasId()) guide.setId(config.id());
        if (!guide.hasUrl()) guide.setUrl(config.canonical() + "/ImplementationGuide/" + guide.getIdElement().getIdPart());
        guide.setVersion(config.version());
        if (!guide.hasName()) guide.setName(machineName(config.id()));
        if (!guide.hasTitle()) guide.setTitle(config.title().ja());
        if (!guide.hasStatus()) guide.setStatus(Enumerations.PublicationStatus.fromCode(config.status()));
        if (!guide.hasPublisher()) guide.setPublisher(config.publisher());
        if (!guide.hasDescription() && !config.description().isEmpty()) guide.setDescription(config.description());
        if (!guide.hasPackageId()) guide.setPackageId(config.id());
        if (!guide.hasLicense()) spdx(config.license()).ifPresent(guide::setLicense);
        if (!guide.hasFhirVersion()) guide.addFhirVersion(Enumerations.FHIRVersion.fromCode(config.fhirVersion()));
        dependsOn(guide);
        resources(guide, conformance, examples);
        if (!guide.getDefinition().hasPage()) guide.getDefinition().setPage(pages());
        new PublishedMetadata(config).apply(guide);
        return guide;
    }

    /**
     * A conformance resource of the package as the guide lists it: its source, title (else name) and description. Only
     * these are kept, not the resource: a large guide's resources with their snapshots are never all in memory at once.
     */
    record Listed(FhirSource source, Optional<String> name, Optional<String> description) {
        static Listed of(FhirSource source, IBaseResource resource) {
            if (!(resource instanceof MetadataResource metadata)) return new Listed(source, Optional.empty(), Optional.empty());
            return new Listed(source, ConformanceNarrative.primitive(metadata, "title").or(() -> ConformanceNarrative.primitive(metadata, "name")),
                    ConformanceNarrative.primitive(metadata, "description"));
        }
    }

    private void dependsOn(ImplementationGuide guide) {
        Set<String> declared = new HashSet<>();
        guide.getDependsOn().forEach(d -> declared.add(d.getPackageId()));
        Optional<GuideDeclaration> own = project.guide();
        for (ProjectConfig.Dependency dependency : config.dependencies()) {
            if (!declared.add(dependency.id())) continue;
            String uri = own.flatMap(g -> g.dependsOn().stream().filter(d -> dependency.id().equals(d.packageId())).findFirst())
                    .map(GuideDeclaration.DependsOn::uri)
                    .orElse(PACKAGE_REGISTRY + dependency.id() + "/ImplementationGuide/" + dependency.id());
            guide.addDependsOn().setPackageId(dependency.id()).setVersion(dependency.version()).setUri(uri);
        }
        for (var loaded : project.dependencies()) {
            if (declared.add(loaded.id())) {
                guide.addDependsOn().setPackageId(loaded.id()).setVersion(loaded.version())
                        .setUri(PACKAGE_REGISTRY + loaded.id() + "/ImplementationGuide/" + loaded.id());
            }
        }
    }

    private void resources(ImplementationGuide guide, List<Listed> conformance, List<FhirSource> examples) {
        Set<String> listed = new HashSet<>();
        guide.getDefinition().getResource().forEach(r -> listed.add(r.getReference().getReference()));
        Set<String> profiles = new HashSet<>();
        for (Listed artifact : conformance) {
            if (!artifact.source().url().isEmpty() && "StructureDefinition".equals(artifact.source().resourceType())) {
                profiles.add(artifact.source().url());
            }
            if (!listed.add(reference(artifact.source()))) continue;
            ImplementationGuide.ImplementationGuideDefinitionResourceComponent entry = guide.getDefinition().addResource()
                    .setReference(new Reference(reference(artifact.source())));
            artifact.name().ifPresent(entry::setName);
            artifact.description().ifPresent(entry::setDescription);
            entry.setExample(new org.hl7.fhir.r4.model.BooleanType(false));
        }
        for (FhirSource example : examples) {
            if (!listed.add(reference(example))) continue;
            ImplementationGuide.ImplementationGuideDefinitionResourceComponent entry = guide.getDefinition().addResource()
                    .setReference(new Reference(reference(example))).setName(example.id());
            Optional<String> profile = example.claimedProfiles().stream().map(GuideResource::withoutVersion)
                    .filter(profiles::contains).findFirst();
            entry.setExample(profile.<org.hl7.fhir.r4.model.Type>map(CanonicalType::new).orElseGet(() -> new org.hl7.fhir.r4.model.BooleanType(true)));
        }
    }

    /** The home page and each guideline document, in the order of the site, titled by their AsciiDoc titles. */
    private ImplementationGuide.ImplementationGuideDefinitionPageComponent pages() {
        ImplementationGuide.ImplementationGuideDefinitionPageComponent home = new ImplementationGuide.ImplementationGuideDefinitionPageComponent()
                .setName(new UrlType(PagePaths.HOME)).setTitle(config.title().ja())
                .setGeneration(ImplementationGuide.GuidePageGeneration.HTML);
        for (DocumentSource document : project.documents()) {
            home.addPage().setName(new UrlType(document.pagePath())).setTitle(documentTitle(document))
                    .setGeneration(ImplementationGuide.GuidePageGeneration.HTML);
        }
        return home;
    }

    /**
     * The document's title line ({@code = Title}, AsciiDoc's document title), else its page name. Read from the text so
     * that a package built without converting the documents holds the same ImplementationGuide as a site build's.
     */
    static String documentTitle(DocumentSource document) {
        Matcher title = DOCUMENT_TITLE.matcher(document.text());
        return title.find() ? title.group(1).strip() : document.pagePath();
    }

    private static String reference(FhirSource source) {
        return source.resourceType() + "/" + source.id();
    }

    private static String withoutVersion(String canonical) {
        int bar = canonical.indexOf('|');
        return bar < 0 ? canonical : canonical.substring(0, bar);
    }

    /** {@code jp.nexehrs.plan} -> {@code JpNexehrsPlan}: a name that code generators can use (R4's ig-0). */
    static String machineName(String packageId) {
        StringBuilder name = new StringBuilder();
        for (String part : packageId.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) name.insert(0, "Guide");
        return name.toString();
    }

    /** The license as an SPDX code, which R4's ImplementationGuide.license must be; none when it is not one. */
    private static Optional<ImplementationGuide.SPDXLicense> spdx(String license) {
        try {
            return Optional.ofNullable(ImplementationGuide.SPDXLicense.fromCode(license));
        } catch (FHIRException e) {
            return Optional.empty();
        }
    }
}
