package jp.nexehrs.check;

import jp.nexehrs.convert.ConvertedDocument;
import jp.nexehrs.governance.BallotTally;
import jp.nexehrs.governance.DocumentGovernanceStatus;
import jp.nexehrs.governance.DocumentState;
import jp.nexehrs.governance.Governance;
import jp.nexehrs.governance.GovernanceRules;
import jp.nexehrs.governance.TallyResult;
import jp.nexehrs.report.Finding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks each document's lifecycle status against the governance records, and tallies the ballots. */
final class GovernanceCheck {
    private final BallotTally tally = new BallotTally();

    record Result(GovernanceReport report, List<Finding> findings) {}

    Result check(Governance governance, List<ConvertedDocument> documents) {
        List<DocumentState> states = documents.stream().map(GovernanceCheck::stateOf).toList();
        // Without converted documents (validate, package) there is nothing to hold the records against.
        if (governance.isEmpty() || documents.isEmpty()) {
            return new Result(new GovernanceReport(governance, Map.of(), List.of()), List.of());
        }
        List<Finding> findings = new GovernanceRules().check(governance, states);
        Map<String, DocumentGovernanceStatus> statuses = new LinkedHashMap<>();
        for (DocumentState state : states) statuses.put(state.documentId(), DocumentGovernanceStatus.of(governance, state, tally));
        List<TallyResult> ballots = governance.ballots().stream().map(b -> tally.tally(governance, b)).toList();
        return new Result(new GovernanceReport(governance, statuses, ballots), findings);
    }

    /** What governance needs to know of a document: its id, version, status and owner from the AsciiDoc header. */
    static DocumentState stateOf(ConvertedDocument document) {
        return new DocumentState(document.id(), document.source().file(), DocumentState.statusLineIn(document.source().text()), document.title(),
                document.header().version(), document.header().status(), document.header().owner());
    }
}
