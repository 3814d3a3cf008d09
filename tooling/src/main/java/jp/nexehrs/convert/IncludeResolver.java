package jp.nexehrs.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an {@code include::} directive leads, decided in this one place for the conversion and for the build
 * cache's key, so the two can never disagree about which file a document depends on. A target is relative to
 * the folder of the file that includes it, and must stay inside {@code spec/}: absolute paths, {@code ../} out of
 * it, links that lead out of it and URLs (even under {@code :allow-uri-read:}) are refused.
 */
final class IncludeResolver {
    /** A scheme such as {@code https:} or {@code file:}; a one-letter one is a Windows drive, refused as absolute. */
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:");

    sealed interface Resolution permits Found, Missing, Refused {}

    /** An existing file inside spec/. */
    record Found(Path file) implements Resolution {}

    /** A path inside spec/ where there is no file. */
    record Missing(Path file) implements Resolution {}

    /** A target that is never read, and why, in words for the editor. */
    record Refused(String reason) implements Resolution {}

    private final Path spec;

    /** @param spec the project's spec/ folder, the jail */
    IncludeResolver(Path spec) {
        this.spec = spec.toAbsolutePath().normalize();
    }

    Path spec() {
        return spec;
    }

    /**
     * @param includingFile the file the directive is written in
     * @param target        the directive's target, attributes already replaced
     */
    Resolution resolve(Path includingFile, String target) {
        String t = target.strip();
        if (URL.matcher(t).find()) {
            return new Refused("a URL is never included (only files inside spec/ are): copy the text into a file in spec/ and include that");
        }
        Path asked;
        try {
            asked = Path.of(t);
        } catch (InvalidPathException e) {
            return new Refused("'" + t + "' is not a file name: include a file inside spec/ by its path relative to this document");
        }
        if (asked.isAbsolute() || t.startsWith("/") || t.startsWith("\\") || t.matches("^[A-Za-z]:.*")) {
            return new Refused("'" + t + "' is an absolute path: include files inside spec/ by their path relative to this document");
        }
        Path file = includingFile.toAbsolutePath().normalize().getParent().resolve(asked).normalize();
        if (!file.startsWith(spec)) {
            return new Refused("'" + t + "' leads outside spec/: only files inside spec/ may be included");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return new Missing(file);
        try {
            if (!file.toRealPath().startsWith(spec.toRealPath())) {
                return new Refused("'" + t + "' is a symbolic link that leads outside spec/: it is never read");
            }
        } catch (IOException e) {
            return new Missing(file);
        }
        if (!Files.isRegularFile(file)) return new Refused("'" + t + "' is a folder, not a file");
        return new Found(file);
    }

    /** The file as the user knows it: relative to the project (spec/'s parent). */
    String shown(Path file) {
        Path root = spec.getParent();
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(root) ? root.relativize(absolute) : absolute.getFileName()).toString().replace('\\', '/');
    }
}
