package jp.nexehrs.compose;

import jp.nexehrs.check.Checked;

/**
 * The output of the compose stage: every page and asset of the site, and what they were made from. The files are
 * in {@link SiteFiles}: on disk in the staging folder for a build, in memory for a preview; later stages may add
 * files (PDFs, downloads) but never change one.
 */
public record ComposedSite(Checked checked, SiteFiles files) {}
