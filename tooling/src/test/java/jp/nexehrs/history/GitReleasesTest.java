package jp.nexehrs.history;

import jp.nexehrs.testing.TestProjects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Releases read from real Git tags: notes and dates of annotated tags, one version per number, and refusals. */
class GitReleasesTest {
    private static final Instant DAY_ONE = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path repo;

    @Test
    void anAnnotatedTagGivesTheNotesAndDateAndAVersionTaggedTwiceAppearsOnce() throws Exception {
        TestProjects.write(repo, "nexehrs.yaml", "id: x\n");
        RevCommit first;
        RevCommit second;
        PersonIdent tagger = ident(5);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            first = commit(git, 1);
            git.tag().setName("v1.0.0").setObjectId(first).setAnnotated(true).setTagger(tagger)
                    .setMessage("  最初の版 first release \n").setSigned(false).call();
            git.tag().setName("1.0.0").setObjectId(first).setAnnotated(false).call();
            git.tag().setName("not-a-version").setObjectId(first).setAnnotated(false).call();
            TestProjects.write(repo, "nexehrs.yaml", "id: y\n");
            second = commit(git, 2);
            git.tag().setName("v1.1.0").setObjectId(second).setAnnotated(false).call();
        }
        try (GitRepository git = GitRepository.open(repo)) {
            List<Version> releases = git.releases();
            assertEquals(List.of("1.0.0", "1.1.0"), releases.stream().map(Version::name).toList());
            Version annotated = releases.get(0);
            assertEquals("1.0.0", annotated.tag(), "the first tag name in name order wins for one number");
            Version light = releases.get(1);
            assertEquals("", light.releaseNotes(), "a lightweight tag has no notes");
            assertEquals(DAY_ONE.plusSeconds(86400L * 2), light.date(), "a lightweight tag dates from its commit");
            assertEquals(second.getName(), light.commitId());

            Version byTag = git.resolve("v1.1.0");
            assertEquals("1.1.0", byTag.name());
            assertEquals(light, git.resolve("1.1.0"));
            Version current = git.resolve(Version.CURRENT);
            assertTrue(current.isCurrent());
            assertEquals(second.getName(), current.commitId());
            assertEquals(List.of("1.0.0", "1.1.0", "current"), git.versions().stream().map(Version::name).toList());
            assertEquals(repo.toAbsolutePath().normalize(), git.projectRoot());
        }
    }

    @Test
    void annotatedTagNotesAndTaggerDateAreKept() throws Exception {
        TestProjects.write(repo, "nexehrs.yaml", "id: x\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            RevCommit first = commit(git, 1);
            git.tag().setName("v2.0.0").setObjectId(first).setAnnotated(true).setTagger(ident(9))
                    .setMessage("  二版 second \n").setSigned(false).call();
        }
        try (GitRepository git = GitRepository.open(repo)) {
            Version release = git.releases().get(0);
            assertEquals("二版 second", release.releaseNotes());
            assertEquals(DAY_ONE.plusSeconds(86400L * 9), release.date(), "the tag's date, not the commit's");
            Path out = repo.resolve("build/.versions/x");
            git.export(release.commitId(), out);
            assertEquals("id: x\n", Files.readString(out.resolve("nexehrs.yaml")), "a project at the repository's root");
            assertEquals(java.util.Set.of("nexehrs.yaml"), git.fileHistory(release.commitId()).lastChanges().keySet());
            HistoryException unknown = assertThrows(HistoryException.class, () -> git.resolve("3.0.0"));
            assertEquals("no version 3.0.0: the versions are 2.0.0, current", unknown.getMessage());
        }
    }

    @Test
    void aRepositoryWithoutCommitsOrTagsHasOnlyCurrent() throws Exception {
        try (Git ignored = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
             GitRepository git = GitRepository.open(repo)) {
            assertEquals(List.of(), git.releases());
            Version current = git.current();
            assertEquals("", current.commitId());
            assertEquals(FileHistory.NONE, git.fileHistory(current.commitId()));
            HistoryException e = assertThrows(HistoryException.class, () -> git.resolve("1.0.0"));
            assertEquals("no version 1.0.0: the versions are current", e.getMessage());
        }
        assertTrue(GitRepository.isInside(repo));
    }

    @Test
    void aShallowCloneIsRefusedWithHowToFetchTheHistory() throws Exception {
        TestProjects.write(repo, "nexehrs.yaml", "id: x\n");
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            commit(git, 1);
        }
        Files.writeString(repo.resolve(".git/shallow"), "0000000000000000000000000000000000000000\n");
        HistoryException e = assertThrows(HistoryException.class, () -> GitRepository.open(repo));
        assertTrue(e.getMessage().contains("shallow clone") && e.getMessage().contains("git fetch --unshallow"), e.getMessage());
    }

    @Test
    void aBareRepositoryIsRefused() throws Exception {
        try (Git ignored = Git.init().setDirectory(repo.toFile()).setBare(true).call()) {
            HistoryException e = assertThrows(HistoryException.class, () -> GitRepository.open(repo));
            assertTrue(e.getMessage().contains("is bare"), e.getMessage());
        }
    }

    @Test
    void exportAndHistoryCoverExactlyTheProjectsFiles() throws Exception {
        Path project = repo.resolve("p");
        TestProjects.write(repo, "other/readme.txt", "outside the project");
        TestProjects.write(repo, "top.txt", "outside too");
        TestProjects.write(project, "nexehrs.yaml", "id: x\n");
        TestProjects.write(project, "spec/01-a.adoc", "= A\n");
        RevCommit first;
        RevCommit second;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            first = commit(git, 1);
            TestProjects.write(repo, "other/readme.txt", "changed outside");
            second = commit(git, 2);
        }
        try (GitRepository git = GitRepository.open(project)) {
            Path out = repo.resolve("exported");
            git.export(second.getName(), out);
            try (var files = Files.walk(out)) {
                assertEquals(List.of("nexehrs.yaml", "spec/01-a.adoc"), files.filter(Files::isRegularFile)
                        .map(f -> out.relativize(f).toString().replace('\\', '/')).sorted().toList());
            }
            FileHistory history = git.fileHistory(second.getName());
            assertEquals(java.util.Set.of("nexehrs.yaml", "spec/01-a.adoc"), history.lastChanges().keySet());
            assertEquals(first.getName(), history.lastChange("spec/01-a.adoc").orElseThrow().commitId(),
                    "a commit that changed only files outside the project changed none of its files");
        }
    }

    private static PersonIdent ident(int day) {
        return new PersonIdent("編集者", "editor@example.org", DAY_ONE.plusSeconds(86400L * day), ZoneOffset.UTC);
    }

    private static RevCommit commit(Git git, int day) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage("day " + day).setAuthor(ident(day)).setCommitter(ident(day)).setSign(false).call();
    }
}
