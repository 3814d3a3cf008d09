package jp.nexehrs.load;

import jp.nexehrs.governance.Governance;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.report.Finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the build reads, loaded and parsed: the output of the load stage. Files that could not be read
 * at all are findings here and are absent from the lists. {@code dependencies} are the FHIR packages of
 * nexehrs.yaml's {@code dependencies} (and the guide's ImplementationGuide's), read from disk; {@code missingDependencies}
 * those that are not on this machine, when the project builds without them. {@code fileHistory} says when each file
 * last changed in Git. {@code guide} is what the guide's own ImplementationGuide declares, if it has one.
 * {@code fragments} are the Markdown intros and notes of artifact pages, {@code staticFiles} the files (images) the
 * pages show, as they are (both only in the IG Publisher's layout).
 */
public record Project(Path root, ProjectConfig config, List<DocumentSource> documents, List<FhirSource> resources,
                      List<InvalidExampleExpectation> invalidExpectations, Governance governance, SiteTemplate template,
                      List<Finding> findings, List<LoadedPackage> dependencies, FileHistory fileHistory,
                      PagePaths pagePaths, Optional<GuideDeclaration> guide, List<MissingPackage> missingDependencies,
                      List<ArtifactFragment> fragments, List<StaticFile> staticFiles) {

    public Project {
        guide = guide == null ? Optional.empty() : guide;
        missingDependencies = missingDependencies == null ? List.of() : List.copyOf(missingDependencies);
        fileHistory = fileHistory == null ? FileHistory.NONE : fileHistory;
        pagePaths = pagePaths == null ? PagePaths.DEFAULT : pagePaths;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        documents = List.copyOf(documents);
        resources = List.copyOf(resources);
        invalidExpectations = List.copyOf(invalidExpectations);
        findings = List.copyOf(findings);
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        staticFiles = staticFiles == null ? List.of() : List.copyOf(staticFiles);
    }

    /** A project without artifact fragments or static files. */
    public Project(Path root, ProjectConfig config, List<DocumentSource> documents, List<FhirSource> resources,
                   List<InvalidExampleExpectation> invalidExpectations, Governance governance, SiteTemplate template,
                   List<Finding> findings, List<LoadedPackage> dependencies, FileHistory fileHistory,
                   PagePaths pagePaths, Optional<GuideDeclaration> guide, List<MissingPackage> missingDependencies) {
        this(root, config, documents, resources, invalidExpectations, governance, template, findings, dependencies, fileHistory,
                pagePaths, guide, missingDependencies, List.of(), List.of());
    }

    /** The project with the resources made from its sources (SUSHI's output) added to those it read. */
    public Project withGenerated(List<FhirSource> generated) {
        List<FhirSource> allResources = new java.util.ArrayList<>(resources);
        allResources.addAll(generated);
        return new Project(root, config, documents, allResources, invalidExpectations, governance, template, findings,
                dependencies, fileHistory, pagePaths, guide, missingDependencies, fragments, staticFiles);
    }

    /** The project with these documents and artifact fragments in place of its own: see {@link ProjectLoader#rereadPages}. */
    Project withPages(List<DocumentSource> newDocuments, List<ArtifactFragment> newFragments) {
        return new Project(root, config, newDocuments, resources, invalidExpectations, governance, template, findings,
                dependencies, fileHistory, pagePaths, guide, missingDependencies, newFragments, staticFiles);
    }

    public List<FhirSource> resources(FhirSource.Role role) {
        return resources.stream().filter(r -> r.role() == role).toList();
    }
}
