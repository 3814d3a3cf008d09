package jp.nexehrs.produce;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.report.Finding;

import java.util.List;

/**
 * The output of the produce stage: everything to be written, in memory. {@code site} is empty when the goal
 * does not build a site; {@code packageArchive} is null when it does not build a package.
 */
public record Products(List<SiteFile> site, PackageArchive packageArchive, byte[] qaJson, byte[] qaHtml,
                       List<Finding> findings, boolean failed) {
    public Products {
        site = List.copyOf(site);
        findings = List.copyOf(findings);
    }
}
