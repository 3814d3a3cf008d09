/**
 * Stage 4, compose: {@link jp.nexehrs.compose.SiteComposer#compose} renders every page of the site from the
 * Freemarker templates (home, documents, artifacts, examples, indexes, QA) with the search index and assets; the
 * URL of each page comes from {@link jp.nexehrs.load.PagePaths}. Returns {@link jp.nexehrs.compose.ComposedSite}: the
 * pages as data (path and bytes, spooled to disk for a build), which publish alone writes out.
 */
package jp.nexehrs.compose;
