package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.fsh.FshOrigins;
import jp.nexehrs.load.Project;
import jp.nexehrs.report.Finding;

import java.util.List;

/**
 * The output of the convert stage: documents as HTML, conformance resources with snapshots, and the support
 * chain that holds them (shared, read-only from here on, by the validator).
 *
 * @param dependencyDigest identifies the dependency packages (see {@code nexehrs.yaml}'s {@code dependencies}): part of
 *                         what cached snapshots and validations depend on
 * @param fshOrigins       where each resource SUSHI made came from: later stages move their findings on it to the FSH line
 * @param sushiMillis      how long SUSHI ran in this build (0 when the project has no FSH or its compilation was cached)
 * @param fragments        the intros and notes of artifact pages (guides in the IG Publisher's layout), as HTML
 */
public record Converted(Project project, List<ConvertedDocument> documents, List<ConformanceArtifact> conformance,
                        ConformanceSupport support, List<Finding> findings, String dependencyDigest, FshOrigins fshOrigins,
                        long sushiMillis, List<ConvertedFragment> fragments) {
    public Converted {
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        documents = List.copyOf(documents);
        conformance = List.copyOf(conformance);
        findings = List.copyOf(findings);
    }

    /** Without FSH or intros and notes of artifact pages. */
    public Converted(Project project, List<ConvertedDocument> documents, List<ConformanceArtifact> conformance,
                     ConformanceSupport support, List<Finding> findings, String dependencyDigest) {
        this(project, documents, conformance, support, findings, dependencyDigest, FshOrigins.NONE, 0, List.of());
    }
}
