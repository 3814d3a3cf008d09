package jp.nexehrs.compose;

import jp.nexehrs.check.Checked;

import java.util.List;

/** The output of the compose stage: every page and asset of the site, in memory, and what they were made from. */
public record ComposedSite(Checked checked, List<SiteFile> files) {
    public ComposedSite {
        files = List.copyOf(files);
    }

    /** The same site with more files (PDFs rendered after the pages). */
    public ComposedSite with(List<SiteFile> more) {
        List<SiteFile> all = new java.util.ArrayList<>(files);
        all.addAll(more);
        return new ComposedSite(checked, all);
    }
}
