package jp.nexehrs.pipeline;

import jp.nexehrs.cache.CacheStats;
import jp.nexehrs.check.Checked;
import jp.nexehrs.produce.Products;
import jp.nexehrs.publish.Published;
import jp.nexehrs.report.Finding;

import java.util.List;

/**
 * The end of a run: every finding, what was written, how long each stage took, the checked content (for what is
 * computed across versions, such as change logs), and what the build cache did.
 */
public record Outcome(List<Finding> findings, Products products, Published published, StageTimings timings, Checked checked,
                      CacheStats cache) {
    public boolean failed() {
        return findings.stream().anyMatch(Finding::isError);
    }
}
