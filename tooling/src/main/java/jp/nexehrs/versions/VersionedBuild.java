package jp.nexehrs.versions;

import jp.nexehrs.changelog.ChangeLog;
import jp.nexehrs.changelog.ChangeLogBuilder;
import jp.nexehrs.changelog.VersionContent;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.history.GitRepository;
import jp.nexehrs.history.Version;
import jp.nexehrs.load.ProjectLoader;
import jp.nexehrs.pipeline.Outcome;
import jp.nexehrs.pipeline.Pipeline;
import jp.nexehrs.pipeline.Progress;
import jp.nexehrs.pipeline.Toolkit;
import jp.nexehrs.produce.Products;
import jp.nexehrs.publish.BuildLock;
import jp.nexehrs.publish.Published;
import jp.nexehrs.publish.Publisher;
import jp.nexehrs.report.Finding;
import jp.nexehrs.report.NexehrsException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code nexehrs build --all-versions}: every release (built once, then reused from its cache) and the draft,
 * assembled into one site with change logs between consecutive versions, published like a single build (staging
 * folder, atomic swap; a failed version publishes only the draft's QA report).
 */
public final class VersionedBuild {
    private final Toolkit toolkit;
    private final Progress progress;

    public VersionedBuild(Toolkit toolkit, Progress progress) {
        this.toolkit = toolkit;
        this.progress = progress;
    }

    /** What was built: each version (reused or not), the findings of those that failed, and what was written. */
    public record Result(List<BuiltVersion> versions, List<Finding> findings, Published published) {
        public boolean failed() {
            return findings.stream().anyMatch(Finding::isError);
        }
    }

    public Result run(Path projectDir) throws NexehrsException, IOException {
        Path root = ProjectLoader.locate(projectDir);
        // One lock on build/ for the whole run: the release cache and the site are written under it.
        try (GitRepository git = GitRepository.open(root);
             BuildLock lock = BuildLock.acquire(root.resolve(Pipeline.BUILD_DIR), progress::say)) {
            VersionBuilder builder = new VersionBuilder(toolkit, progress, git);
            List<Version> versions = git.versions();
            progress.say(versions.size() - 1 + " releases (" + String.join(", ", versions.stream().map(Version::name).toList()) + ")");
            List<BuiltVersion> built = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (Version version : versions) {
                BuiltVersion result = builder.build(version);
                built.add(result);
                String prefix = version.isCurrent() ? "" : "[" + version.name() + "] ";
                result.findings().forEach(f -> findings.add(prefix.isEmpty() ? f : new Finding(f.severity(), prefix + f.file(),
                        f.line(), f.column(), f.fhirPath(), f.messageId(), f.message())));
            }
            BuiltVersion current = built.get(built.size() - 1);
            Outcome draft = current.outcome();
            Products products;
            if (built.stream().anyMatch(BuiltVersion::failed)) {
                products = new Products(SiteFiles.NONE, List.of(), Optional.empty(), draft.products().qaJson(), draft.products().qaHtml(),
                        findings, true);
            } else {
                Map<String, ChangeLog> changeLogs = changeLogs(builder, built);
                SiteFiles site = new VersionedSite().assemble(built, changeLogs, draft.checked().converted().project().config(),
                        SiteFiles.Storage.spooledIn(root.resolve(Pipeline.BUILD_DIR)));
                products = new Products(site, List.of(), draft.products().packageArchive(), draft.products().qaJson(), new byte[0], findings, false);
            }
            Published published = new Publisher(root.resolve(Pipeline.BUILD_DIR)).publish(products);
            return new Result(built, findings, published);
        }
    }

    /** Each version against the one before it; the first release against nothing. */
    private static Map<String, ChangeLog> changeLogs(VersionBuilder builder, List<BuiltVersion> built) throws IOException {
        Map<String, ChangeLog> logs = new LinkedHashMap<>();
        VersionContent previous = new VersionContent(List.of(), List.of());
        String previousName = "";
        ChangeLogBuilder compare = new ChangeLogBuilder();
        for (BuiltVersion version : built) {
            VersionContent content = builder.content(version);
            logs.put(version.version().name(), compare.compare(previousName, previous, version.version().name(), content));
            previous = content;
            previousName = version.version().name();
        }
        return logs;
    }
}
