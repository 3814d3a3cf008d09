package jp.nexehrs.convert;

import jp.nexehrs.fhir.ConformanceSupport;
import jp.nexehrs.load.Project;
import jp.nexehrs.report.Finding;

import java.util.List;

/**
 * The output of the convert stage: documents as HTML, conformance resources with snapshots, and the support
 * chain that holds them (shared, read-only from here on, by the validator).
 *
 * @param dependencyDigest identifies the dependency packages (see {@code nexehrs.yaml}'s {@code dependencies}): part of
 *                         what cached snapshots and validations depend on
 * @param fragments        the intros and notes of artifact pages (guides in the IG Publisher's layout), as HTML
 */
public record Converted(Project project, List<ConvertedDocument> documents, List<ConformanceArtifact> conformance,
                        ConformanceSupport support, List<Finding> findings, String dependencyDigest,
                        List<ConvertedFragment> fragments) {
    public Converted {
        fragments = fragments == null ? List.of() : List.copyOf(fragments);
        documents = List.copyOf(documents);
        conformance = List.copyOf(conformance);
        findings = List.copyOf(findings);
    }

    /** Without intros or notes of artifact pages. */
    public Converted(Project project, List<ConvertedDocument> documents, List<ConformanceArtifact> conformance,
                     ConformanceSupport support, List<Finding> findings, String dependencyDigest) {
        this(project, documents, conformance, support, findings, dependencyDigest, List.of());
    }
}
