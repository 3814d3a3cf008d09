package jp.nexehrs.pipeline;

import jp.nexehrs.check.Checked;
import jp.nexehrs.produce.Products;
import jp.nexehrs.publish.Published;
import jp.nexehrs.report.Finding;

import java.util.List;

/**
 * The end of a run: every finding, what was written, how long each stage took, and the checked content (for
 * what is computed across versions, such as change logs).
 */
public record Outcome(List<Finding> findings, Products products, Published published, StageTimings timings, Checked checked) {
    public boolean failed() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
