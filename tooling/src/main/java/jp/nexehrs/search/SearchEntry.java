package jp.nexehrs.search;

/**
 * One searchable piece of the site: a section of a guideline document, or an artifact page.
 *
 * @param url     the page (and anchor) relative to the site root
 * @param title   the page title
 * @param section the section heading, empty for a whole page
 * @param text    the plain text that is indexed and from which the snippet is cut
 */
public record SearchEntry(String url, String title, String section, String text) {}
