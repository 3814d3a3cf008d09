package jp.nexehrs.produce;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Optional;

/**
 * The output of the produce stage: everything to be written. {@code site} is empty when the goal does not build a
 * site; for a published build its files are already in the publish stage's staging folder (and gone from there
 * once published or failed), for a preview they are in memory. {@code packageArchive} is empty when the goal does
 * not build a package.
 */
public record Products(SiteFiles site, Optional<PackageArchive> packageArchive, byte[] qaJson, byte[] qaHtml,
                       List<Finding> findings, boolean failed) {
    public Products {
        findings = List.copyOf(findings);
    }

    /** Products whose site files are all in memory. */
    public Products(List<SiteFile> site, Optional<PackageArchive> packageArchive, byte[] qaJson, byte[] qaHtml, List<Finding> findings,
                    boolean failed) {
        this(SiteFiles.inMemory(site), packageArchive, qaJson, qaHtml, findings, failed);
    }
}
