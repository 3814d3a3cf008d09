package jp.nexehrs.load;

import java.nio.file.Path;

/**
 * One AsciiDoc guideline document as found on disk.
 *
 * @param file     path relative to the project root, forward slashes (what users see in messages)
 * @param pagePath the site path of its page, e.g. {@code 03-sharing.html}
 */
public record DocumentSource(String file, Path path, String pagePath, String text) {}
