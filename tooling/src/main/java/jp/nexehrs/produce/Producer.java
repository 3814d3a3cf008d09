package jp.nexehrs.produce;

import ca.uhn.fhir.parser.IParser;
import jp.nexehrs.check.Checked;
import jp.nexehrs.check.ExampleValidation;
import jp.nexehrs.compose.ComposedSite;
import jp.nexehrs.compose.Downloads;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.convert.ConformanceArtifact;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.load.FhirSource;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The produce stage: the FHIR package, the QA report, and the site's last files (the package and the zips of
 * definitions and examples, added to the composed site's files) for the publish stage.
 */
public final class Producer {
    private final long epochSeconds;

    /** @param epochSeconds time stamped on package entries (SOURCE_DATE_EPOCH, else a constant) */
    public Producer(long epochSeconds) {
        this.epochSeconds = epochSeconds;
    }

    public static long epochFromEnvironment() {
        return Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH")).filter(s -> s.matches("\\d+"))
                .map(Long::parseLong).orElse(NpmPackageWriter.DEFAULT_EPOCH_SECONDS);
    }

    /** @param site the composed site, or null when the goal builds no site; the package and downloads are added to its files */
    public Products produce(Checked checked, ComposedSite site, boolean withPackage) {
        Converted converted = checked.converted();
        PackageArchive archive = withPackage ? packageOf(checked, site) : null;
        SiteFiles files = SiteFiles.inMemory();
        byte[] qaHtml = new byte[0];
        if (site != null) {
            files = site.files();
            if (archive != null) files.add(new SiteFile(archive.fileName(), archive.content()));
            files.addAll(downloads(checked, files));
            if (files.contains("qa.html")) qaHtml = files.read("qa.html");
        }
        byte[] qaJson = new QaReport().toJson(converted.project().config(), checked.findings(), checked.suppressed());
        return new Products(files, archive, qaJson, qaHtml, checked.findings(), checked.hasErrors());
    }

    /**
     * All definitions and all examples as JSON, one zip each, for readers who want the files without the package:
     * the same JSON files the site serves beside each page.
     */
    private List<SiteFile> downloads(Checked checked, SiteFiles site) {
        Map<String, byte[]> definitions = new LinkedHashMap<>();
        for (ConformanceArtifact artifact : checked.converted().conformance()) {
            definitions.put(artifact.key() + ".json", site.read(artifact.key() + ".json"));
        }
        Map<String, byte[]> examples = new LinkedHashMap<>();
        for (ExampleValidation example : checked.examples()) {
            examples.put(example.source().key() + ".json", site.read(example.source().key() + ".json"));
        }
        ZipArchive zip = new ZipArchive(epochSeconds);
        return List.of(new SiteFile(Downloads.DEFINITIONS, zip.write(definitions)), new SiteFile(Downloads.EXAMPLES, zip.write(examples)));
    }

    private PackageArchive packageOf(Checked checked, ComposedSite site) {
        Converted converted = checked.converted();
        JsonOfResource jsonOf = new JsonOfResource(converted.support().engine().jsonParser(), site);
        List<NpmPackageWriter.Entry> entries = new ArrayList<>();
        for (ConformanceArtifact artifact : converted.conformance()) {
            entries.add(NpmPackageWriter.entryFor(artifact.source(), artifact.resource(), jsonOf.bytes(artifact.key(), artifact.resource()), false));
        }
        for (ExampleValidation example : checked.examples()) {
            FhirSource source = example.source();
            entries.add(NpmPackageWriter.entryFor(source, source.resource(), jsonOf.bytes(source.key(), source.resource()), true));
        }
        return new NpmPackageWriter(epochSeconds).write(converted.project().config(), entries);
    }

    /**
     * A resource's JSON for the package: the file the composed site already holds beside its page (the same parser
     * and settings wrote it), else encoded here. Encoding every resource a second time was most of the produce
     * stage on large projects (JFR of the 16x synthetic build).
     */
    private record JsonOfResource(IParser parser, ComposedSite site) {
        byte[] bytes(String key, IBaseResource resource) {
            String file = key + ".json";
            if (site != null && site.files().contains(file)) return site.files().read(file);
            return parser.encodeResourceToString(resource).getBytes(StandardCharsets.UTF_8);
        }
    }
}
