package jp.nexehrs.governance;

import java.util.List;
import java.util.Optional;

/**
 * Everything {@code nexehrs ballot status <document>} prints and the site shows next to a document: its
 * lifecycle status, owner, deciding committee and electorate, the tally of every ballot on it, and the statuses
 * it may move to next.
 *
 * @param status          the header's status, empty when the value is not a known status
 * @param decidingCommittee the committee whose full members vote, empty when the owner is unknown
 * @param ballots         tallies of every ballot on the document, in file-name order
 * @param adoptedBy       the first closed ballot on the current version that passed, if any
 */
public record DocumentGovernanceStatus(DocumentState document, Optional<DocumentStatus> status,
                                       Optional<String> decidingCommittee, List<String> electorate,
                                       List<TallyResult> ballots, Optional<TallyResult> adoptedBy) {
    public DocumentGovernanceStatus {
        electorate = List.copyOf(electorate);
        ballots = List.copyOf(ballots);
    }

    /** Gathers the status of one document. */
    public static DocumentGovernanceStatus of(Governance governance, DocumentState document, BallotTally tally) {
        Electorate electorate = Electorate.forDocument(governance, document.documentId());
        List<TallyResult> results = tally.tallyAll(governance, document.documentId());
        Optional<TallyResult> adoptedBy = results.stream()
                .filter(r -> r.version().equals(document.version()) && r.passed()).findFirst();
        return new DocumentGovernanceStatus(document, DocumentStatus.fromAttribute(document.status()),
                electorate.committee(), electorate.members(), results, adoptedBy);
    }

    /**
     * The one status that agrees with the records: a closed ballot on the current version that passed makes it
     * adopted whatever the header still says (a withdrawn document stays withdrawn); otherwise the header's.
     */
    public Optional<DocumentStatus> effective() {
        if (status.isEmpty() || status.get() == DocumentStatus.WITHDRAWN) return status;
        return adoptedBy.isPresent() ? Optional.of(DocumentStatus.ADOPTED) : status;
    }

    /** The badge text, e.g. "合意 consensus"; an unknown status is shown as written with a question mark. */
    public String badge() {
        return effective().map(DocumentStatus::badge).orElse("? " + document.status());
    }

    /** What the editors should change when the header disagrees with the records, or empty. */
    private String headerNote() {
        Optional<DocumentStatus> effective = effective();
        if (effective.isPresent() && !effective.equals(status)) {
            return " (the header still says " + document.status() + ": change :nexehrs-status: to "
                    + effective.get().attribute() + " in " + document.file() + ":" + document.line() + ")";
        }
        if (effective.equals(Optional.of(DocumentStatus.ADOPTED)) && adoptedBy.isEmpty()) {
            return " (but no closed ballot on " + document.version() + " passed: see the ballots below)";
        }
        return "";
    }

    /** The status as the terminal shows it, in Japanese and English. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("文書 Document: ").append(document.documentId()).append(" — ").append(document.title())
                .append(" (").append(document.file()).append(")\n");
        sb.append("版 Version: ").append(document.version()).append("  状態 Status: ").append(badge()).append(headerNote()).append('\n');
        sb.append("所管 Owner: ").append(document.owner()).append("  決定部会 Deciding committee: ")
                .append(decidingCommittee.orElse("(不明 unknown)")).append('\n');
        sb.append("有権者 Electorate: ").append(electorate.size()).append(" 正会員 full members")
                .append(electorate.isEmpty() ? "" : " (" + String.join(", ", electorate) + ")").append('\n');
        if (ballots.isEmpty()) {
            sb.append("投票 Ballots: なし none\n");
        } else {
            sb.append("投票 Ballots:\n");
            for (TallyResult r : ballots) {
                sb.append("  - ").append(r.ballotId()).append("  版 v").append(r.version()).append("  ")
                        .append(r.opens()).append(" – ").append(r.closes()).append("  賛成 yes ").append(r.yes())
                        .append(" / 分母 denominator ").append(r.denominator()).append(" (必要 required ")
                        .append(r.requiredYes()).append(")  ").append(r.outcome()).append('\n');
            }
        }
        sb.append("採択根拠 Adopted by: ").append(adoptedBy.map(r -> r.ballotId() + " (" + r.ballotFile() + ")")
                .orElse("なし none")).append('\n');
        effective().ifPresent(s -> sb.append("次の状態 Next: ").append(String.join(", ", DocumentLifecycle.next(s).stream()
                .map(DocumentStatus::badge).toList())).append('\n'));
        return sb.toString();
    }
}
