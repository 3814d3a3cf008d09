package jp.nexehrs.governance;

import java.util.List;
import java.util.Optional;

/**
 * Everything in a project's {@code governance/} folder, as loaded by {@link GovernanceLoader}. Immutable; the
 * lookups answer the first match when records are duplicated ({@link GovernanceRules} reports duplicates).
 *
 * @param bodies committees and WGs, flattened (a WG names its committee in {@link Body#parent()})
 */
public record Governance(List<Member> members, List<Body> bodies, List<Ballot> ballots, List<CommentLog> comments,
                         GovernanceSettings settings) {
    public Governance {
        members = List.copyOf(members);
        bodies = List.copyOf(bodies);
        ballots = List.copyOf(ballots);
        comments = List.copyOf(comments);
    }

    /** What a project without a {@code governance/} folder has. */
    public static Governance empty() {
        return new Governance(List.of(), List.of(), List.of(), List.of(), GovernanceSettings.defaults());
    }

    public boolean isEmpty() {
        return members.isEmpty() && bodies.isEmpty() && ballots.isEmpty() && comments.isEmpty();
    }

    public Optional<Member> member(String id) {
        return members.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    public Optional<Body> body(String name) {
        return bodies.stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /** The committee or WG that lists {@code documentId} among its documents. */
    public Optional<Body> ownerOf(String documentId) {
        return bodies.stream().filter(b -> b.documents().contains(documentId)).findFirst();
    }

    /** The ballots on a document, in file-name order. */
    public List<Ballot> ballotsOn(String documentId) {
        return ballots.stream().filter(b -> b.document().equals(documentId)).toList();
    }

    public Optional<Ballot> ballot(String id) {
        return ballots.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    public Optional<CommentLog> commentsOn(String documentId) {
        return comments.stream().filter(c -> c.document().equals(documentId)).findFirst();
    }

    /** The rule a ballot is counted by: its own if it pins one, else the settings. */
    public DenominatorRule denominatorFor(Ballot ballot) {
        return ballot.denominator().orElse(settings.denominator());
    }
}
