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
 */
public record Converted(Project project, List<ConvertedDocument> documents, List<ConformanceArtifact> conformance,
                        ConformanceSupport support, List<Finding> findings, String dependencyDigest, FshOrigins fshOrigins,
                        long sushiMillis) {
    public Converted {
        documents = List.copyOf(documents);
        conformance = List.copyOf(conformance);
        findings = List.copyOf(findings);
    }
}
