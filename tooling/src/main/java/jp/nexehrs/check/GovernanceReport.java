package jp.nexehrs.check;

import jp.nexehrs.governance.DocumentGovernanceStatus;
import jp.nexehrs.governance.Governance;
import jp.nexehrs.governance.TallyResult;

import java.util.List;
import java.util.Map;

/** The governance facts of this build for the site: each document's status and every ballot's tally. */
public record GovernanceReport(Governance governance, Map<String, DocumentGovernanceStatus> documents,
                               List<TallyResult> ballots) {
    public GovernanceReport {
        documents = Map.copyOf(documents);
        ballots = List.copyOf(ballots);
    }
}
