package jp.nexehrs.produce;

import jp.nexehrs.check.Checked;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.compose.ComposedSite;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.fhir.PackageIndex;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.PagePaths;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ImplementationGuide;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The produce stage: the FHIR package (with its ImplementationGuide and a validation summary), the QA report, and the
 * site's downloads (the package, the zips of definitions and examples, and the PDFs it is given), for the publish stage.
 */
public final class Producer {
    /** The time stamped on package entries when SOURCE_DATE_EPOCH is not set. */
    public static final long DEFAULT_EPOCH_SECONDS = NpmPackageWriter.DEFAULT_EPOCH_SECONDS;
    private final long epochSeconds;

    /** @param epochSeconds time stamped on package entries (SOURCE_DATE_EPOCH, else a constant) */
    public Producer(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    /**
     * @param site the composed site, when the goal builds one: the downloads are made beside it
     * @param pdfs the PDFs of the guidelines, published beside the site's pages
     */
    public Products produce(Checked checked, Optional<ComposedSite> site, List<SiteFile> pdfs, boolean withPackage) {
        Converted converted = checked.converted();
        // Only suppliers: nothing is read or encoded until the package or a download asks for it.
        ResourceFiles json = ResourceFiles.json(checked, site);
        Optional<PackageArchive> archive = withPackage ? Optional.of(packageOf(checked, json)) : Optional.empty();
        List<SiteFile> downloads = new ArrayList<>();
        byte[] qaHtml = new byte[0];
        if (site.isPresent()) {
            downloads.addAll(pdfs);
            archive.ifPresent(a -> downloads.add(new SiteFile(a.fileName(), a.content())));
            ZipArchive zip = new ZipArchive(epochSeconds);
            // All definitions and all examples, in JSON and in XML, for readers who want the files without the package.
            ResourceFiles xml = ResourceFiles.xml(checked, site);
            downloads.add(new SiteFile(PagePaths.DEFINITIONS_JSON_ZIP, zip.write(json.definitions())));
            downloads.add(new SiteFile(PagePaths.DEFINITIONS_XML_ZIP, zip.write(xml.definitions())));
            downloads.add(new SiteFile(PagePaths.EXAMPLES_JSON_ZIP, zip.write(json.examples())));
            downloads.add(new SiteFile(PagePaths.EXAMPLES_XML_ZIP, zip.write(xml.examples())));
            if (site.get().files().contains(PagePaths.QA)) qaHtml = site.get().files().read(PagePaths.QA);
        }
        byte[] qaJson = new QaReport().toJson(converted.project().config(), checked.findings(), checked.suppressed(), checked.examples());
        return new Products(site.map(ComposedSite::files).orElse(SiteFiles.NONE), downloads, archive, qaJson, qaHtml,
                checked.findings(), checked.hasErrors());
    }

    private PackageArchive packageOf(Checked checked, ResourceFiles json) {
        Converted converted = checked.converted();
        PagePaths paths = converted.project().pagePaths();
        List<NpmPackageWriter.Entry> entries = new ArrayList<>();
        List<GuideResource.Listed> listed = new ArrayList<>();
        for (ConformanceArtifact artifact : converted.conformance()) {
            IBaseResource resource = artifact.resource();
            listed.add(GuideResource.Listed.of(artifact.source(), resource));
            entries.add(NpmPackageWriter.entryFor(artifact.source(), resource,
                    json.definitions().get(paths.packageEntry(artifact.source())), false, paths));
        }
        for (ExampleValidation example : checked.examples()) {
            FhirSource source = example.source();
            entries.add(NpmPackageWriter.entryFor(source, source.resource(), json.examples().get(paths.packageEntry(source)), true, paths));
        }
        ImplementationGuide guide = new GuideResource(converted.project())
                .of(listed, checked.examples().stream().map(ExampleValidation::source).toList());
        byte[] guideJson = converted.support().engine().jsonParser().encodeResourceToString(guide).getBytes(StandardCharsets.UTF_8);
        String guideFile = "ImplementationGuide-" + guide.getIdElement().getIdPart() + ".json";
        entries.add(new NpmPackageWriter.Entry("", guideFile, PackageIndex.entry(guideFile, guide), () -> guideJson));
        Map<String, byte[]> other = Map.of(ValidationSummary.FILE, new ValidationSummary().toJson(converted.project().config(), checked, paths));
        return new NpmPackageWriter(epochSeconds).write(converted.project().config(), entries, other);
    }

    /**
     * Every definition's and example's JSON (or XML) by file name, in the artifacts' order: the files the composed site
     * holds beside each page (the same parser and settings wrote them), or, with no site, encoded here. Each is read when
     * the package or a download asks for it and not kept, so that they are never all in memory at once (a large
     * guide's JSON is large). Encoding every resource a second time was most of the produce stage on large projects
     * (tooling/BENCHMARKS.md): the site's files are read instead.
     */
    private record ResourceFiles(Map<String, Supplier<byte[]>> definitions, Map<String, Supplier<byte[]>> examples) {
        static ResourceFiles json(Checked checked, Optional<ComposedSite> site) {
            PagePaths paths = checked.converted().project().pagePaths();
            return of(checked, site, paths::packageEntry, paths::json, checked.converted().support().engine().jsonParser());
        }

        static ResourceFiles xml(Checked checked, Optional<ComposedSite> site) {
            PagePaths paths = checked.converted().project().pagePaths();
            return of(checked, site, paths::xmlArchiveEntry, paths::xml, checked.converted().support().engine().xmlParser());
        }

        private static ResourceFiles of(Checked checked, Optional<ComposedSite> site, Function<FhirSource, String> entryName,
                                        Function<FhirSource, String> siteFile, IParser parser) {
            Map<String, Supplier<byte[]>> definitions = new LinkedHashMap<>();
            for (ConformanceArtifact artifact : checked.converted().conformance()) {
                definitions.put(entryName.apply(artifact.source()), bytes(siteFile.apply(artifact.source()), artifact::resource, site, parser));
            }
            Map<String, Supplier<byte[]>> examples = new LinkedHashMap<>();
            for (ExampleValidation example : checked.examples()) {
                examples.put(entryName.apply(example.source()), bytes(siteFile.apply(example.source()), example.source()::resource, site, parser));
            }
            return new ResourceFiles(definitions, examples);
        }

        private static Supplier<byte[]> bytes(String file, Supplier<IBaseResource> resource, Optional<ComposedSite> site, IParser parser) {
            if (site.isPresent() && site.get().files().contains(file)) return () -> site.get().files().read(file);
            return () -> parser.encodeResourceToString(resource.get()).getBytes(StandardCharsets.UTF_8);
        }
    }
}
