package jp.nexehrs.compose;

import jp.nexehrs.check.Checked;

/**
 * The output of the compose stage: every page and asset of the site, and what they were made from. Fixed once made:
 * the PDF and produce stages return their own files beside it, and publish alone writes them all.
 */
public record ComposedSite(Checked checked, SiteFiles files) {}
