package jp.nexehrs.pipeline;

import jp.nexehrs.check.Checked;
import jp.nexehrs.compose.SiteComposer;
import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.load.ArtifactFragment;
import jp.nexehrs.load.DocumentSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pdf.PdfRequest;
import jp.nexehrs.pdf.PdfUnavailableException;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A preview's first answer to a save: the saved sources' pages, made from the last build with as little of the pipeline
 * as they need, before the whole site is built again ({@link Pipeline#previewSavedPages}).
 */
final class SavedPagePreview {
    private final Toolkit toolkit;
    private final PdfRequest pdfRequest;
    private final boolean draft;

    SavedPagePreview(Toolkit toolkit, PdfRequest pdfRequest, boolean draft) {
        this.toolkit = toolkit;
        this.pdfRequest = pdfRequest;
        this.draft = draft;
    }

    /**
     * The pages of the sources among {@code changedFiles} (paths relative to the project root), made from {@code last}
     * (a preview's last build, which stays checked as it was): what a preview shows the moment a file is saved, before
     * {@link Pipeline#run} builds and checks everything again and finds whatever else the save changed (other pages'
     * navigation, the search index, validation, findings, the counts of findings every page shows). Saved documents, and
     * intros and notes of artifact pages, are read and converted again alone; saved conformance resources are shown
     * after a load and convert of the project, without its check. Empty when the files are not all such pages or all
     * such resources of the project, or something in them is an error: only the full build can show those.
     */
    Optional<List<SiteFile>> pages(Checked last, Set<String> changedFiles) throws NexehrsException {
        Optional<List<SiteFile>> pages = savedPagesAlone(last, changedFiles);
        return pages.isPresent() ? pages : savedResources(last, changedFiles);
    }

    /** Makes the next preview of a saved document fast: see {@link Converter#warmUp}. */
    void warmUp(Checked last, BooleanSupplier goOn) {
        converter(last.converted().project().root()).warmUp(last.converted(), goOn);
    }

    /** Saved documents, and intros and notes of conformance artifacts' pages, read and converted again alone. */
    private Optional<List<SiteFile>> savedPagesAlone(Checked last, Set<String> changedFiles) throws NexehrsException {
        Optional<Project> project = ProjectLoader.rereadPages(last.converted().project(), changedFiles);
        if (project.isEmpty()) return Optional.empty();
        Optional<Converted> converted = converter(project.get().root()).reconvertPages(last.converted(), project.get());
        if (converted.isEmpty()) return Optional.empty();
        Set<String> documentPages = project.get().documents().stream().filter(d -> changedFiles.contains(d.file()))
                .map(DocumentSource::pagePath).collect(Collectors.toSet());
        Set<String> fragmentKeys = project.get().fragments().stream().filter(f -> changedFiles.contains(f.source().file()))
                .map(ArtifactFragment::key).collect(Collectors.toSet());
        Map<String, String> artifactFiles = new HashMap<>();
        converted.get().conformance().forEach(artifact -> artifactFiles.put(artifact.key(), artifact.source().file()));
        // An example's intro or notes: its page shows its validation, which only the full build has.
        if (!artifactFiles.keySet().containsAll(fragmentKeys)) return Optional.empty();
        SiteComposer composer = previewComposer(project.get());
        Checked checked = asLastChecked(last, converted.get());
        List<SiteFile> composed = new ArrayList<>(composer.composeDocuments(checked, documentPages));
        if (!fragmentKeys.isEmpty()) {
            composed.addAll(composer.composeArtifacts(checked, fragmentKeys.stream().map(artifactFiles::get).collect(Collectors.toSet())));
        }
        return composed.isEmpty() ? Optional.empty() : Optional.of(composed);
    }

    /**
     * Saved conformance resources other than value sets (a value set's page shows its expansion, which the check stage
     * makes), after a load and convert of the project. Errors elsewhere in the project do not stop it: a guide being
     * edited often has some, and the full rebuild reports them.
     */
    private Optional<List<SiteFile>> savedResources(Checked last, Set<String> changedFiles) throws NexehrsException {
        Set<String> artifactFiles = last.converted().conformance().stream()
                .filter(artifact -> !"ValueSet".equals(artifact.source().resourceType()))
                .map(artifact -> artifact.source().file()).collect(Collectors.toSet());
        if (changedFiles.isEmpty() || !artifactFiles.containsAll(changedFiles)) return Optional.empty();
        Project lastProject = last.converted().project();
        Project project = toolkit.projectLoader(draft).load(lastProject.root(), lastProject.fileHistory());
        if (hasErrorIn(project.findings(), changedFiles)) return Optional.empty();
        Converted converted = converter(project.root()).convert(project, true);
        if (hasErrorIn(converted.findings(), changedFiles)) return Optional.empty();
        List<SiteFile> composed = previewComposer(project).composeArtifacts(asLastChecked(last, converted), changedFiles);
        return composed.isEmpty() ? Optional.empty() : Optional.of(composed);
    }

    private static boolean hasErrorIn(List<Finding> findings, Set<String> files) {
        return findings.stream().anyMatch(finding -> finding.isError() && files.contains(finding.file()));
    }

    private Converter converter(Path root) {
        return new Converter(toolkit.fhir(), toolkit::documents, toolkit.cache(root.resolve(Pipeline.BUILD_DIR)), toolkit.threads(),
                toolkit.nodeTools(), message -> { });
    }

    /** What is converted now, with the last build's checks: they stand until the full build that follows checks again. */
    private static Checked asLastChecked(Checked last, Converted converted) {
        return new Checked(converted, last.examples(), last.expansions(), last.governance(), last.findings(), last.suppressed());
    }

    /** A composer of a preview's pages, with the PDF links a build of this project has. */
    private SiteComposer previewComposer(Project project) throws PdfUnavailableException {
        boolean pdfLinks = PdfFontChoice.fonts(pdfRequest.withProjectSetting(project.config().wantsPdf()), Progress.SILENT).isPresent();
        return new SiteComposer(pdfLinks, toolkit.threads(), SiteFiles.Storage.IN_MEMORY, toolkit.templates());
    }
}
