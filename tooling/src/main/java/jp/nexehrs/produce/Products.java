package jp.nexehrs.produce;

import jp.nexehrs.compose.SiteFile;
import jp.nexehrs.compose.SiteFiles;
import jp.nexehrs.report.Finding;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The output of the produce stage: everything the publish stage writes. {@code site} holds the composed pages and
 * assets ({@link SiteFiles#NONE} when the goal builds no site); {@code downloads} the files made after them that the
 * site serves beside its pages (the package, the zips of definitions and examples, the PDFs). {@code packageArchive}
 * is empty when the goal does not build a package.
 */
public record Products(SiteFiles site, List<SiteFile> downloads, Optional<PackageArchive> packageArchive, byte[] qaJson, byte[] qaHtml,
                       List<Finding> findings, boolean failed) {
    public Products {
        downloads = List.copyOf(downloads);
        findings = List.copyOf(findings);
    }

    /** Every file of the site with its content, read one at a time: for a preview and tests. */
    public Stream<SiteFile> siteFiles() {
        return Stream.concat(site.stream(), downloads.stream());
    }
}
