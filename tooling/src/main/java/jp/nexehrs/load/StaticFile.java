package jp.nexehrs.load;

import java.nio.file.Path;

/** A file the site serves as it is, such as an image of the IG Publisher's {@code input/images/}, at {@code sitePath}. */
public record StaticFile(String sitePath, Path file) {
}
