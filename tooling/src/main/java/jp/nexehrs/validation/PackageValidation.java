package jp.nexehrs.validation;

import jp.nexehrs.check.FileValidation;
import jp.nexehrs.check.InstanceValidator;
import jp.nexehrs.convert.DependencyConformance;
import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fhir.FhirEngine;
import jp.nexehrs.fhir.ResourceFormat;
import jp.nexehrs.fhir.ResourceReader;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.LoadedPackage;
import jp.nexehrs.load.PackageReader;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.report.format.ValidationReport;
import jp.nexehrs.util.Plural;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validation for implementers, outside any project: resources checked against the conformance resources of
 * the FHIR packages they name (e.g. the published NeXEHRS package), with no nexehrs.yaml. Unreadable files are
 * findings; an unreadable package stops the run.
 */
public final class PackageValidation {
    private final Toolkit toolkit;
    private final Progress progress;

    public PackageValidation(Toolkit toolkit, Progress progress) {
        this.toolkit = toolkit;
        this.progress = progress;
    }

    /**
     * @param profile a canonical URL every resource is validated against instead of its own {@code meta.profile}
     * @throws SourceException when a package cannot be read or a path does not exist
     */
    public ValidationReport validate(List<Path> packages, Optional<String> profile, List<Path> paths) throws SourceException {
        FhirEngine engine = toolkit.fhir();
        ConformanceSupport support = new ConformanceSupport(engine);
        PackageReader packageReader = new PackageReader(engine);
        List<LoadedPackage> loaded = new ArrayList<>();
        for (Path location : packages) loaded.add(packageReader.read(location));
        List<Finding> findings = new ArrayList<>(new DependencyConformance(support, toolkit.threads()).register(loaded));
        progress.say("loaded " + String.join(", ", loaded.stream().map(LoadedPackage::label).toList()));

        if (profile.isPresent() && support.fetchStructureDefinition(profile.get()) == null) {
            findings.add(Finding.error("", 0, 0, "--profile " + profile.get() + " is neither in the given packages nor in FHIR R4"));
            return new ValidationReport(List.of(), findings);
        }
        ResourceReader reader = new ResourceReader(engine);
        InstanceValidator validator = new InstanceValidator(support);
        List<LocalFile> files = LocalFile.expand(paths);
        findings.addAll(FileValidation.each(toolkit.threads(), files, file -> read(engine, reader, file),
                source -> profile.isPresent() ? validator.validate(source, profile.get()) : validator.validate(source)));
        progress.say("validated " + Plural.of(files.size(), "file"));
        return new ValidationReport(files.stream().map(LocalFile::displayName).toList(), findings);
    }

    /** The files {@code paths} name, as {@link #validate} would list them (for reports of a project's validation). */
    public static List<String> fileNames(List<Path> paths) throws SourceException {
        return LocalFile.expand(paths).stream().map(LocalFile::displayName).toList();
    }

    private static FhirSource read(FhirEngine engine, ResourceReader reader, LocalFile file) throws SourceException {
        String name = file.displayName();
        ResourceFormat format = ResourceFormat.ofFileName(name)
                .orElseThrow(() -> new SourceException(name, 0, 0, "not a .json or .xml file"));
        ResourceReader.ParsedResource parsed = reader.read(name, file.read(), format, false);
        IBaseResource resource = parsed.resource();
        String id = resource.getIdElement().getIdPart();
        List<String> claimed = resource.getMeta().getProfile().stream().map(IPrimitiveType::getValueAsString).toList();
        // An implementer's resource needs no id (unlike the project's examples): it is validated, not published.
        return new FhirSource(name, FhirSource.Role.EXAMPLE, format, parsed.text(), resource,
                engine.context().getResourceType(resource), id == null ? "" : id, "", claimed);
    }
}
