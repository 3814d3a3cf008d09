package jp.nexehrs.load;

import java.nio.file.Path;

/**
 * One AsciiDoc guideline document as found on disk.
 *
 * @param file     path relative to the project root, forward slashes (what users see in messages)
 * @param pagePath the site path of its page, e.g. {@code 03-sharing.html}
 */
public record DocumentSource(String file, Path path, String pagePath, String text) {
    /** The folder of the project the document belongs to: the working tree, or a version written out of Git. */
    public Path projectRoot() {
        Path root = path;
        for (int i = 0; i < file.split("/").length; i++) root = root.getParent();
        return root;
    }
}
