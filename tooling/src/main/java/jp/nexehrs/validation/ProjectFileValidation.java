package jp.nexehrs.validation;

import jp.nexehrs.cache.BuildCache;
import jp.nexehrs.check.Checker;
import jp.nexehrs.convert.Converted;
import jp.nexehrs.convert.Converter;
import jp.nexehrs.load.FhirSource;
import jp.nexehrs.load.Project;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;
import jp.nexehrs.util.Plural;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code nexehrs validate PATH...} in a project: files (or every .json/.xml file under folders) validated against
 * the project's profiles, without building anything. Unreadable files are findings like any other. Snapshots and
 * results are shared with the build through the project's build cache, whose keys hold everything a verdict depends on.
 */
public final class ProjectFileValidation {
    private final Toolkit toolkit;
    private final Progress progress;

    public ProjectFileValidation(Toolkit toolkit, Progress progress) {
        this.toolkit = toolkit;
        this.progress = progress;
    }

    public List<Finding> validate(Path projectDir, List<Path> paths) throws NexehrsException {
        Path root = ProjectLoader.locate(projectDir);
        ProjectLoader loader = toolkit.projectLoader();
        Project project = loader.load(root);
        // Snapshots and results in the build's cache (when caching is on): what a build made is found here, and the reverse.
        BuildCache cache = toolkit.cache(root.resolve(Pipeline.BUILD_DIR));
        Converted converted = new Converter(toolkit.fhir(), toolkit::documents, cache, toolkit.threads()).convert(project, false);
        // The project's own examples and documents are not what is being validated here: only its profiles' problems count.
        String profiles = ProjectLoader.PROFILES_DIR + "/";
        String examples = profiles + ProjectLoader.EXAMPLES_DIR + "/";
        String invalid = profiles + ProjectLoader.INVALID_DIR + "/";
        List<Finding> findings = new ArrayList<>(project.findings().stream().filter(f -> f.file().startsWith(profiles)
                && !f.file().startsWith(examples) && !f.file().startsWith(invalid)).toList());
        findings.addAll(converted.findings().stream().filter(f -> !f.file().startsWith(ProjectLoader.SPEC_DIR + "/")).toList());
        List<LocalFile> files = LocalFile.expand(paths, false);
        progress.say("validating " + Plural.of(files.size(), "file") + " against " + Plural.of(converted.conformance().size(), "conformance resource"));
        findings.addAll(new Checker(toolkit.threads(), cache).validateEach(converted, files,
                file -> loader.read(file.displayName(), file.read(), FhirSource.Role.EXAMPLE)));
        return findings.stream().sorted(Finding.ORDER).toList();
    }
}
