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
import java.util.Optional;
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
     * Writes the products into a staging folder, then swaps it in; a failed build publishes only its QA report. The
     * site's pages come as their spool folder when compose kept them on disk, moved into the staging folder whole.
     * Forgets the record of the last build ({@link LastBuild}), recovers an interrupted swap and removes what killed
     * builds left first, so call it under the build lock.
     */
    public Published publish(Products products) throws PublishException {
        Path staging = buildDir.resolve(STAGING_PREFIX + UUID.randomUUID());
        try {
            Files.createDirectories(buildDir);
            LastBuild.forget(buildDir);
            recoverInterruptedSwaps();
            removeLeftovers(products.site().spool());
            Files.createDirectories(staging);
            return publish(products, staging);
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            throw new PublishException("cannot write the output in " + buildDir + ": " + describe(cause)
                    + " (the previous output is unchanged)", cause);
        } finally {
            Folders.deleteQuietly(staging);
            products.site().discard();
        }
    }

    private Published publish(Products products, Path staging) throws IOException {
        List<Path> written = new ArrayList<>();
        Files.write(staging.resolve(QA_JSON), products.qaJson());
        if (products.failed()) {
            // The report says why the build failed; the last good site and package must survive untouched.
            if (products.qaHtml().length > 0) Files.write(staging.resolve(QA_HTML), products.qaHtml());
            written.add(replace(staging.resolve(QA_JSON), buildDir.resolve(QA_JSON)));
            if (products.qaHtml().length > 0) written.add(replace(staging.resolve(QA_HTML), buildDir.resolve(QA_HTML)));
            return new Published(written);
        }
        Path site = staging.resolve(SITE);
        boolean hasSite = !products.site().isEmpty() || !products.downloads().isEmpty();
        if (products.site().spool().isPresent()) {
            move(products.site().spool().get(), site);
        } else {
            for (SiteFile file : products.site()) write(site, file);
        }
        for (SiteFile file : products.downloads()) write(site, file);
        if (products.packageArchive().isPresent()) {
            Path pkg = staging.resolve(PACKAGE);
            Files.createDirectories(pkg);
            Files.write(pkg.resolve(products.packageArchive().get().fileName()), products.packageArchive().get().content());
        }
        // Everything is on disk: now swap it in, one folder at a time.
        if (hasSite) written.add(replace(site, buildDir.resolve(SITE)));
        if (products.packageArchive().isPresent()) written.add(replace(staging.resolve(PACKAGE), buildDir.resolve(PACKAGE)));
        written.add(replace(staging.resolve(QA_JSON), buildDir.resolve(QA_JSON)));
        Files.deleteIfExists(buildDir.resolve(QA_HTML));
        return new Published(written);
    }

    /** Writes one file of the site under {@code site}, refusing a path that would leave it. */
    private static void write(Path site, SiteFile file) throws IOException {
        Path root = site.toAbsolutePath().normalize();
        Path target = root.resolve(file.path()).normalize();
        if (!target.startsWith(root) || target.equals(root)) throw new IOException("site path outside the site: " + file.path());
        Files.createDirectories(target.getParent());
        Files.write(target, file.content());
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

    /**
     * Staging folders, spooled pages and set-aside outputs left by a build that was killed (after any recovery); never
     * this build's own spool.
     */
    private void removeLeftovers(Optional<Path> ownSpool) throws IOException {
        try (Stream<Path> children = Files.list(buildDir)) {
            children.filter(p -> Stream.of(STAGING_PREFIX, SiteFiles.SPOOL_PREFIX, PREVIOUS_PREFIX)
                            .anyMatch(p.getFileName().toString()::startsWith))
                    .filter(p -> ownSpool.map(own -> !own.equals(p.toAbsolutePath().normalize())).orElse(true))
                    .forEach(Folders::deleteQuietly);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " " + message;
    }
}
