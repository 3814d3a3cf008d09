package jp.nexehrs.history;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's Git repository, read with JGit (no {@code git} binary): its versions (tags that look like
 * versions, in semver order), the draft {@code current}, a version's files written out from Git objects without
 * a checkout, and when each file last changed. The project may be a folder inside the repository; every path
 * here is relative to the project.
 *
 * <p>Only the repository's own objects are read. JGit also reads the user's git config as the parent of the
 * repository's (harmless for reading objects); the system config, which JGit finds by running {@code git},
 * is skipped when GIT_CONFIG_NOSYSTEM=1, which the launcher and the tests set. JGit's other switch,
 * {@code SystemReader.setInstance}, is JVM-global, so it is left alone.
 */
public final class GitRepository implements AutoCloseable {
    private final Repository repository;
    private final Path projectRoot;
    /** The project folder inside the work tree, "" or ending in '/'. */
    private final String prefix;

    private GitRepository(Repository repository, Path projectRoot, String prefix) {
        this.repository = repository;
        this.projectRoot = projectRoot;
        this.prefix = prefix;
    }

    /**
     * @throws HistoryException when the project is not in a Git work tree, or the clone is shallow (its history
     *                          is cut off, so versions and dates would be wrong: the message says how to fetch it all)
     */
    public static GitRepository open(Path projectRoot) throws HistoryException {
        Path root = projectRoot.toAbsolutePath().normalize();
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(root.toFile());
        if (builder.getGitDir() == null) {
            throw new HistoryException("no Git repository at or above " + root + ": versions are read from Git tags,"
                    + " so the project must be in a Git clone");
        }
        Repository repository;
        try {
            repository = builder.setMustExist(true).build();
        } catch (IOException e) {
            throw new HistoryException("cannot open the Git repository " + builder.getGitDir() + ": " + e.getMessage(), e);
        }
        if (repository.isBare()) {
            repository.close();
            throw new HistoryException("the Git repository " + builder.getGitDir() + " is bare: run nexehrs in a clone with a work tree");
        }
        Path shallow = repository.getDirectory().toPath().resolve("shallow");
        if (Files.exists(shallow)) {
            repository.close();
            throw new HistoryException("this is a shallow clone (" + shallow + " exists): its history is cut off, so"
                    + " the versions and their dates would be wrong. Fetch the full history with `git fetch --unshallow`"
                    + " (in GitHub Actions: actions/checkout with `fetch-depth: 0`)");
        }
        Path workTree = repository.getWorkTree().toPath().toAbsolutePath().normalize();
        String prefix = workTree.relativize(root).toString().replace('\\', '/');
        return new GitRepository(repository, root, prefix.isEmpty() ? "" : prefix + "/");
    }

    /** True when the project is in a Git work tree (complete or not). */
    public static boolean isInside(Path projectRoot) {
        return new FileRepositoryBuilder().findGitDir(projectRoot.toAbsolutePath().normalize().toFile()).getGitDir() != null;
    }

    /** The releases, oldest first in semver order; a version tagged twice (v1.0.0 and 1.0.0) appears once. */
    public List<Version> releases() throws HistoryException {
        Map<String, Version> byName = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository)) {
            List<Ref> tags = new ArrayList<>(repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS));
            tags.sort(Comparator.comparing(Ref::getName));
            for (Ref ref : tags) {
                String tagName = ref.getName().substring(Constants.R_TAGS.length());
                Optional<SemanticVersion> semver = SemanticVersion.parse(tagName);
                if (semver.isEmpty()) continue;
                RevObject object = walk.parseAny(ref.getObjectId());
                String notes = "";
                Instant date = null;
                if (object instanceof RevTag tag) {
                    notes = tag.getFullMessage().strip();
                    if (tag.getTaggerIdent() != null) date = tag.getTaggerIdent().getWhenAsInstant();
                }
                RevObject peeled = walk.peel(object);
                if (!(peeled instanceof RevCommit commit)) continue; // a tag on a tree or blob is not a version
                walk.parseHeaders(commit);
                if (date == null) date = commit.getCommitterIdent().getWhenAsInstant();
                byName.putIfAbsent(semver.get().text(), new Version(semver.get().text(), tagName, commit.getName(), date, notes, semver.get()));
            }
        } catch (IOException e) {
            throw new HistoryException("cannot read the tags of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
        return byName.values().stream().sorted(Comparator.comparing(Version::semver)).toList();
    }

    /** The draft: the checked-out branch (HEAD), whose files are the working tree's. */
    public Version current() throws HistoryException {
        try (RevWalk walk = new RevWalk(repository)) {
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) return new Version(Version.CURRENT, "", "", Instant.now(), "", null);
            RevCommit commit = walk.parseCommit(head);
            return new Version(Version.CURRENT, "", commit.getName(), commit.getCommitterIdent().getWhenAsInstant(), "", null);
        } catch (IOException e) {
            throw new HistoryException("cannot read HEAD of " + repository.getDirectory() + ": " + e.getMessage(), e);
        }
    }

    /** All versions: the releases in order, then current. */
    public List<Version> versions() throws HistoryException {
        List<Version> all = new ArrayList<>(releases());
        all.add(current());
        return all;
    }

    /** A version by name ({@code 1.2.0}, its tag {@code v1.2.0}, or {@code current}). */
    public Version resolve(String name) throws HistoryException {
        if (Version.CURRENT.equals(name)) return current();
        List<Version> releases = releases();
        for (Version release : releases) {
            if (release.name().equals(name) || release.tag().equals(name)) return release;
        }
        throw new HistoryException("no version " + name + ": the versions are "
                + String.join(", ", releases.stream().map(Version::name).toList()) + (releases.isEmpty() ? "" : ", ") + Version.CURRENT);
    }

    /**
     * Writes the project's files as they are in {@code commitId} into {@code target}, from Git objects (no
     * checkout, the working tree is untouched). Submodules and symbolic links are skipped.
     */
    public void export(String commitId, Path target) throws HistoryException {
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
             TreeWalk tree = new TreeWalk(repository, reader)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commitId));
            tree.addTree(commit.getTree());
            tree.setRecursive(true);
            if (!prefix.isEmpty()) tree.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
            Files.createDirectories(target);
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) continue;
                Path file = target.resolve(tree.getPathString().substring(prefix.length())).normalize();
                if (!file.startsWith(target)) continue;
                Files.createDirectories(file.getParent());
                try (OutputStream out = Files.newOutputStream(file)) {
                    reader.open(tree.getObjectId(0)).copyTo(out);
                }
            }
        } catch (IOException e) {
            throw new HistoryException("cannot write the files of commit " + commitId + " to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * When each file of the project, as it is in {@code commitId}, last changed: one walk back through the
     * history, comparing each commit with its first parent, until every file is accounted for.
     */
    public FileHistory fileHistory(String commitId) throws HistoryException {
        if (commitId.isEmpty()) return FileHistory.NONE;
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit start = walk.parseCommit(ObjectId.fromString(commitId));
            Set<String> wanted = new HashSet<>();
            try (TreeWalk tree = projectTreeWalk(reader)) {
                tree.addTree(start.getTree());
                while (tree.next()) wanted.add(tree.getPathString());
            }
            Map<String, FileChange> changes = new HashMap<>();
            walk.markStart(start);
            for (RevCommit commit : walk) {
                if (changes.size() == wanted.size()) break;
                FileChange change = new FileChange(commit.getName(), commit.getCommitterIdent().getWhenAsInstant());
                try (TreeWalk diff = projectTreeWalk(reader)) {
                    if (commit.getParentCount() > 0) {
                        diff.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                        diff.addTree(commit.getTree());
                        diff.setFilter(prefix.isEmpty() ? TreeFilter.ANY_DIFF
                                : AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)), TreeFilter.ANY_DIFF));
                    } else {
                        diff.addTree(commit.getTree());
                    }
                    while (diff.next()) {
                        String path = diff.getPathString();
                        if (wanted.contains(path)) changes.putIfAbsent(path, change);
                    }
                }
            }
            Map<String, FileChange> relative = new HashMap<>();
            changes.forEach((path, change) -> relative.put(path.substring(prefix.length()), change));
            return new FileHistory(relative);
        } catch (MissingObjectException e) {
            throw new HistoryException("the history of commit " + commitId + " is incomplete (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new HistoryException("cannot read the history of commit " + commitId + ": " + e.getMessage(), e);
        }
    }

    private TreeWalk projectTreeWalk(ObjectReader reader) {
        TreeWalk tree = new TreeWalk(repository, reader);
        tree.setRecursive(true);
        if (!prefix.isEmpty()) tree.setFilter(PathFilter.create(prefix.substring(0, prefix.length() - 1)));
        return tree;
    }

    public Path projectRoot() {
        return projectRoot;
    }

    @Override
    public void close() {
        repository.close();
    }
}
