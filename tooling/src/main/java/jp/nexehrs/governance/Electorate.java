package jp.nexehrs.governance;

import java.util.List;
import java.util.Optional;

/**
 * Who decides a document's final draft: the full members (正会員) with at least one person registered in the
 * deciding committee (部会) itself, one vote per organisation. For a WG's document the deciding committee is
 * the one the WG sits under; registration only in the WG does not give a vote (policy 4 (1): the final draft
 * is decided by the committee's full members).
 *
 * @param committee the deciding committee, empty when the document's owner is unknown
 * @param members   ids of the voting member organisations, in members.yaml order
 */
public record Electorate(Optional<String> committee, List<String> members) {
    public Electorate {
        members = List.copyOf(members);
    }

    /** The electorate for {@code documentId} under the current records. */
    public static Electorate forDocument(Governance governance, String documentId) {
        Optional<String> committee = governance.ownerOf(documentId).map(Body::decidingCommittee);
        List<String> members = committee.map(c -> governance.members().stream()
                .filter(m -> m.isFull() && m.isRegisteredIn(c))
                .map(Member::id).distinct().toList()).orElse(List.of());
        return new Electorate(committee, members);
    }

    public boolean contains(String memberId) {
        return members.contains(memberId);
    }
}
