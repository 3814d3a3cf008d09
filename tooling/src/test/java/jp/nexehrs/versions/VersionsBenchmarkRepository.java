package jp.nexehrs.versions;

import org.eclipse.jgit.api.Git;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the repository for the all-versions benchmark in tooling/BENCHMARKS.md: clones a repository with JGit
 * into a new folder and adds 5 release tags, each on a commit with a one-paragraph change to a document, plus an
 * uncommitted change as the draft. Not a test; run it with the launcher's jar on the class path:
 * {@code java -cp tooling/target/nexehrs.jar tooling/src/test/java/jp/nexehrs/versions/VersionsBenchmarkRepository.java . /tmp/bench-versions}
 */
public final class VersionsBenchmarkRepository {
    private static final String DOCUMENT = "spec/01-overview.adoc";

    private VersionsBenchmarkRepository() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) throw new IllegalArgumentException("usage: <repository to clone> <new folder>");
        Path target = Path.of(args[1]);
        try (Git git = Git.cloneRepository().setURI(Path.of(args[0]).toAbsolutePath().toUri().toString())
                .setDirectory(target.toFile()).call()) {
            Path document = target.resolve(DOCUMENT);
            for (int i = 1; i <= 5; i++) {
                Files.writeString(document, Files.readString(document) + "\n\nベンチマーク用の変更 " + i + "。\n");
                git.add().addFilepattern(DOCUMENT).call();
                var commit = git.commit().setMessage("benchmark change " + i).setSign(false).call();
                git.tag().setName("v0.9." + i).setObjectId(commit).setAnnotated(true).setMessage("benchmark release " + i).call();
            }
            Files.writeString(document, Files.readString(document) + "\n\n作業中の変更。\n");
        }
        System.out.println("5 releases (v0.9.1 ... v0.9.5) and a draft in " + target);
    }
}
