package jp.nexehrs.compose;

/** One file of the site: its path relative to the site root (forward slashes) and its bytes. */
public record SiteFile(String path, byte[] content) {}
