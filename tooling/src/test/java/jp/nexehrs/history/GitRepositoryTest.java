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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A project in a subfolder of its repository: versions, the files of a commit, and when each file last changed. */
class GitRepositoryTest {
    @TempDir
    Path repo;

    @Test
    void readsAProjectInASubfolderFromGitObjects() throws Exception {
        Path project = repo.resolve("spec-project");
        TestProjects.write(repo, "other/readme.txt", "not the project");
        TestProjects.write(project, "nexehrs.yaml", "id: x\n");
        TestProjects.write(project, "spec/01-a.adoc", "= A\n");
        RevCommit first;
        RevCommit second;
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            first = commit(git, 1);
            git.tag().setName("v2.0.0").setObjectId(first).setAnnotated(false).call();
            TestProjects.write(project, "spec/01-a.adoc", "= A, changed\n");
            TestProjects.write(repo, "other/readme.txt", "changed outside the project");
            second = commit(git, 2);
            git.tag().setName("v10.0.0-rc.1").setObjectId(second).setAnnotated(false).call();
            git.tag().setName("v3.0.0").setObjectId(second.getTree()).setAnnotated(false).call();
        }
        TestProjects.write(project, "spec/01-a.adoc", "= A, uncommitted\n");

        try (GitRepository git = GitRepository.open(project)) {
            assertEquals(List.of("2.0.0", "10.0.0-rc.1"), git.releases().stream().map(Version::name).toList(),
                    "a tag on a tree is not a version");
            Path out = repo.resolve("exported");
            git.export(first.getName(), out);
            assertEquals("= A\n", Files.readString(out.resolve("spec/01-a.adoc")), "the commit's file, not the working tree's");
            assertTrue(Files.isRegularFile(out.resolve("nexehrs.yaml")));
            assertFalse(Files.exists(out.resolve("other")), "only the project's folder");

            FileHistory history = git.fileHistory(second.getName());
            assertEquals(second.getName(), history.lastChange("spec/01-a.adoc").orElseThrow().commitId());
            assertEquals(first.getName(), history.lastChange("nexehrs.yaml").orElseThrow().commitId());
            assertTrue(history.lastChange("other/readme.txt").isEmpty());
            assertEquals("2026-01-02", history.lastChange("nexehrs.yaml").orElseThrow().day());

            HistoryException unknown = assertThrows(HistoryException.class, () -> git.resolve("9.9.9"));
            assertEquals("no version 9.9.9: the versions are 2.0.0, 10.0.0-rc.1, current", unknown.getMessage());
        }
    }

    @Test
    void aFolderOutsideGitHasNoHistory() {
        HistoryException e = assertThrows(HistoryException.class, () -> GitRepository.open(repo));
        assertTrue(e.getMessage().startsWith("no Git repository at or above "), e.getMessage());
        assertFalse(GitRepository.isInside(repo));
    }

    private static RevCommit commit(Git git, int day) throws Exception {
        git.add().addFilepattern(".").call();
        PersonIdent ident = new PersonIdent("編集者", "editor@example.org", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86400L * day), ZoneOffset.UTC);
        return git.commit().setMessage("day " + day).setAuthor(ident).setCommitter(ident).setSign(false).call();
    }
}
