package jp.nexehrs.publish;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.load.PagePaths;
import jp.nexehrs.produce.Products;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import jp.nexehrs.util.Folders;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The publish stage: writes everything into a staging folder inside {@code build/} and moves it into place only
 * when all of it was written. A build with errors publishes only its QA report, so the last good site and
 * package stay where they were; a crash or a full disk leaves at most a staging folder, cleaned up next time.
 * Replacing a folder moves the old one aside first; if the process dies between the two moves, the next run
 * moves the old one back before anything else, so the last good output is never lost.
 */
public final class Publisher {
    public static final String SITE = "site";
    public static final String PACKAGE = "package";
    public static final String QA_JSON = "qa.json";
    public static final String QA_HTML = PagePaths.QA;
    private static final String STAGING_PREFIX = ".staging-";
    /** The folder moved aside while its replacement moves in: {@code .previous-<name>-<uuid>}. */
    private static final String PREVIOUS_PREFIX = ".previous-";

    private final Path buildDir;

    public Publisher(Path buildDir) {
        this.buildDir = buildDir;
    }

    /**
     * A staging folder where this build's output is written before it is swapped in: the site's pages go to
     * {@link Staging#site()} as they are made. Forgets the record of the last build ({@link LastBuild}), recovers
     * an interrupted swap and removes stale staging folders first, so call it under the build lock. Closing it deletes whatever was not published.
     */
    public Staging stage() throws PublishException {
        Path staging = buildDir.resolve(STAGING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(buildDir);
            LastBuild.forget(buildDir);
            recoverInterruptedSwaps();
            removeStaleStaging();
            Files.createDirectories(staging);
            return new Staging(staging);
        } catch (IOException e) {
            throw new PublishException("cannot write the output in " + buildDir + ": " + describe(e)
                    + " (the previous output is unchanged)", e);
        }
    }

    /** Publishes products whose site (if any) is in memory or elsewhere: stages and swaps in one go. */
    public Published publish(Products products) throws PublishException {
        try (Staging staging = stage()) {
            return publish(products, staging);
        }
    }

    /** Writes what is not in {@code staging} yet, then swaps it in; a failed build publishes only its QA report. */
    public Published publish(Products products, Staging staging) throws PublishException {
        List<Path> written = new ArrayList<>();
        try {
            Files.write(staging.folder().resolve(QA_JSON), products.qaJson());
            if (products.failed()) {
                // The report says why the build failed; the last good site and package must survive untouched.
                if (products.qaHtml().length > 0) Files.write(staging.folder().resolve(QA_HTML), products.qaHtml());
                written.add(replace(staging.folder().resolve(QA_JSON), buildDir.resolve(QA_JSON)));
                if (products.qaHtml().length > 0) written.add(replace(staging.folder().resolve(QA_HTML), buildDir.resolve(QA_HTML)));
                return new Published(written);
            }
            boolean staged = products.site().folder().filter(staging.site()::equals).isPresent();
            if (!products.site().isEmpty() && !staged) {
                SiteFiles site = SiteFiles.writingTo(staging.site());
                for (SiteFile file : products.site()) site.add(file);
            }
            if (products.packageArchive().isPresent()) {
                Path pkg = staging.folder().resolve(PACKAGE);
                Files.createDirectories(pkg);
                Files.write(pkg.resolve(products.packageArchive().get().fileName()), products.packageArchive().get().content());
            }
            // Everything is on disk: now swap it in, one folder at a time.
            if (!products.site().isEmpty()) written.add(replace(staging.site(), buildDir.resolve(SITE)));
            if (products.packageArchive().isPresent()) written.add(replace(staging.folder().resolve(PACKAGE), buildDir.resolve(PACKAGE)));
            written.add(replace(staging.folder().resolve(QA_JSON), buildDir.resolve(QA_JSON)));
            Files.deleteIfExists(buildDir.resolve(QA_HTML));
            return new Published(written);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new PublishException("cannot write the output in " + buildDir + ": " + describe(cause)
                    + " (the previous output is unchanged)", cause);
        }
    }

    /** A build's staging folder in {@code build/}; deleted on close (after a swap only leftovers remain in it). */
    public record Staging(Path folder) implements AutoCloseable {
        public Path site() {
            return folder.resolve(SITE).toAbsolutePath().normalize();
        }

        @Override
        public void close() {
            Folders.deleteQuietly(folder);
        }
    }

    /** Moves {@code source} to {@code target}, replacing it; the old one is moved aside first and deleted after. */
    private Path replace(Path source, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling(PREVIOUS_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
            move(target, old);
        }
        try {
            move(source, target);
        } catch (IOException e) {
            if (old != null) move(old, target);
            throw e;
        }
        if (old != null) Folders.deleteQuietly(old);
        return target;
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** A build killed between moving the old output aside and moving the new one in: put the old one back. */
    private void recoverInterruptedSwaps() throws IOException {
        for (String name : new String[]{SITE, PACKAGE}) {
            Path target = buildDir.resolve(name);
            if (Files.exists(target)) continue;
            try (Stream<Path> children = Files.list(buildDir)) {
                var previous = children.filter(p -> p.getFileName().toString().startsWith(PREVIOUS_PREFIX + name + "-")).findFirst();
                if (previous.isPresent()) move(previous.get(), target);
            }
        }
    }

    /** Staging folders and set-aside outputs left by a build that was killed (after any recovery). */
    private void removeStaleStaging() throws IOException {
        try (Stream<Path> children = Files.list(buildDir)) {
            children.filter(p -> p.getFileName().toString().startsWith(STAGING_PREFIX)
                    || p.getFileName().toString().startsWith(PREVIOUS_PREFIX)).forEach(Folders::deleteQuietly);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " " + message;
    }
}
