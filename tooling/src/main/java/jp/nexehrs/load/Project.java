package jp.nexehrs.load;

import jp.nexehrs.governance.Governance;
import jp.nexehrs.history.FileHistory;
import jp.nexehrs.report.Finding;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the build reads, loaded and parsed: the output of the load stage. Files that could not be read
 * at all are findings here and are absent from the lists. {@code dependencies} are the FHIR packages of
 * nexehrs.yaml's {@code dependencies}, read from disk. {@code fileHistory} says when each file last changed in Git.
 */
public record Project(Path root, ProjectConfig config, List<DocumentSource> documents, List<FhirSource> resources,
                      List<InvalidExampleExpectation> invalidExpectations, Governance governance, SiteTemplate template,
                      List<Finding> findings, List<LoadedPackage> dependencies, FileHistory fileHistory,
                      PagePaths pagePaths) {

    public Project {
        fileHistory = fileHistory == null ? FileHistory.NONE : fileHistory;
        pagePaths = pagePaths == null ? PagePaths.DEFAULT : pagePaths;
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        documents = List.copyOf(documents);
        resources = List.copyOf(resources);
        invalidExpectations = List.copyOf(invalidExpectations);
        findings = List.copyOf(findings);
    }

    public List<FhirSource> resources(FhirSource.Role role) {
        return resources.stream().filter(r -> r.role() == role).toList();
    }
}
