package jp.nexehrs.governance;

import jp.nexehrs.report.Finding;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the governance records against each other and against the documents' headers, following policy
 * 4 (1). Every finding names a file and line. Errors: the records or a header are wrong. Warnings: something
 * an editor should look at that is not wrong in itself (a late vote on record, a stale entry).
 */
public final class GovernanceRules {
    private final BallotTally tally;

    /** Judges "closed" against today in Japan. */
    public GovernanceRules() {
        this(new BallotTally());
    }

    public GovernanceRules(Clock clock) {
        this(new BallotTally(clock));
    }

    private GovernanceRules(BallotTally tally) {
        this.tally = tally;
    }

    /**
     * All findings for a project's governance records and documents, sorted by file and line.
     *
     * @param documents what the pipeline read from each guideline document's header
     */
    public List<Finding> check(Governance governance, List<DocumentState> documents) {
        List<Finding> findings = new ArrayList<>();
        Map<String, DocumentState> byId = new LinkedHashMap<>();
        for (DocumentState d : documents) byId.putIfAbsent(d.documentId(), d);
        checkMembers(governance, findings);
        checkBodies(governance, byId, findings);
        for (DocumentState document : documents) checkDocument(governance, document, findings);
        checkBallots(governance, byId, findings);
        checkComments(governance, byId, findings);
        findings.sort(Finding.ORDER);
        return findings;
    }

    private static Finding error(Origin at, String message) {
        return Finding.error(at.file(), at.line(), at.column(), message);
    }

    private static Finding warning(Origin at, String message) {
        return Finding.warning(at.file(), at.line(), at.column(), message);
    }

    // ---- members.yaml

    private static void checkMembers(Governance governance, List<Finding> findings) {
        Map<String, Member> seen = new HashMap<>();
        for (Member member : governance.members()) {
            Member first = seen.putIfAbsent(member.id(), member);
            if (first != null) {
                findings.add(error(member.origin(), "member id '" + member.id() + "' is already used at line "
                        + first.origin().line() + "; each member organisation is listed once"));
            }
            Set<String> bodies = new HashSet<>();
            for (Member.Registration registration : member.registrations()) {
                if (governance.body(registration.body()).isEmpty()) {
                    findings.add(error(registration.origin(), "'" + member.id() + "' registers people in '"
                            + registration.body() + "', which is not a committee or WG in " + GovernanceLoader.COMMITTEES));
                }
                if (!bodies.add(registration.body())) {
                    findings.add(error(registration.origin(), "'" + member.id() + "' registers in '" + registration.body()
                            + "' twice; list all its participants there in one registration"));
                }
                if (member.kind() == MemberKind.CORPORATE
                        && registration.participants().size() > MemberKind.MAX_CORPORATE_PARTICIPANTS) {
                    findings.add(error(registration.origin(), "'" + member.id() + "' (" + member.name() + ") registers "
                            + registration.participants().size() + " participants in " + registration.body()
                            + "; a corporate member (法人・団体) may register at most "
                            + MemberKind.MAX_CORPORATE_PARTICIPANTS + " people per committee or WG (３名まで)"));
                }
                Set<String> people = new HashSet<>();
                for (String person : registration.participants()) {
                    if (!people.add(person)) {
                        findings.add(warning(registration.origin(), "'" + person + "' is listed twice in '"
                                + member.id() + "' registration for " + registration.body()));
                    }
                }
            }
        }
    }

    // ---- committees.yaml

    private static void checkBodies(Governance governance, Map<String, DocumentState> documents,
                                    List<Finding> findings) {
        Map<String, Body> byName = new HashMap<>();
        Map<String, Body> ownerOf = new HashMap<>();
        for (Body body : governance.bodies()) {
            Body first = byName.putIfAbsent(body.name(), body);
            if (first != null) {
                findings.add(error(body.origin(), "'" + body.name() + "' is already defined at line "
                        + first.origin().line() + "; committee and WG names must be unique"));
            }
            checkLeader(governance, body, findings);
            for (String document : body.documents()) {
                Body owner = ownerOf.putIfAbsent(document, body);
                if (owner != null && owner != body) {
                    findings.add(error(body.origin(), "document '" + document + "' is owned by both " + owner.name()
                            + " (line " + owner.origin().line() + ") and " + body.name() + "; a document has one owner"));
                }
                if (!documents.isEmpty() && !documents.containsKey(document)) {
                    findings.add(warning(body.origin(), body.name() + " lists document '" + document
                            + "', which is not among the project's documents"));
                }
            }
        }
    }

    private static void checkLeader(Governance governance, Body body, List<Finding> findings) {
        Body.Leader leader = body.leader();
        Optional<Member> member = governance.member(leader.member());
        if (member.isEmpty()) {
            findings.add(error(leader.origin(), "leader of " + body.name() + " is from '" + leader.member()
                    + "', which is not a member in " + GovernanceLoader.MEMBERS));
            return;
        }
        if (body.kind() == BodyKind.COMMITTEE && !member.get().isFull()) {
            findings.add(error(leader.origin(), "the leader of committee " + body.name() + " (部会長) must come from a full member (正会員); '"
                    + leader.member() + "' is " + member.get().memberClass().yamlName() + " ("
                    + member.get().memberClass().japanese() + ")"));
        }
        boolean registered = member.get().registrations().stream()
                .anyMatch(r -> r.body().equals(body.name()) && r.participants().contains(leader.person()));
        if (!registered) {
            findings.add(warning(leader.origin(), "leader " + leader.person() + " is not among the participants '"
                    + leader.member() + "' registered in " + body.name() + " in " + GovernanceLoader.MEMBERS));
        }
    }

    // ---- document headers

    private void checkDocument(Governance governance, DocumentState document, List<Finding> findings) {
        Origin at = new Origin(document.file(), document.line(), 0);
        Optional<DocumentStatus> status = DocumentStatus.fromAttribute(document.status());
        if (status.isEmpty()) {
            findings.add(error(at, "unknown :nexehrs-status: '" + nullToEmpty(document.status()) + "'; allowed: "
                    + DocumentStatus.allowedValues()));
        }
        if (!governance.isEmpty()) checkOwner(governance, document, at, findings);
        if (status.isEmpty()) return;
        List<Ballot> onVersion = governance.ballotsOn(document.documentId()).stream()
                .filter(b -> b.version().equals(document.version())).toList();
        switch (status.get()) {
            case ADOPTED -> checkAdopted(governance, document, at, onVersion, findings);
            case BALLOT -> {
                if (onVersion.isEmpty()) {
                    findings.add(warning(at, document.documentId() + " is marked ballot (投票中) but "
                            + GovernanceLoader.BALLOTS + "/ has no ballot on version " + document.version()));
                } else if (onVersion.stream().allMatch(b -> b.isClosedOn(tally.today()))) {
                    findings.add(warning(at, document.documentId() + " is marked ballot (投票中) but every ballot on version "
                            + document.version() + " has closed; mark it adopted if one passed, else consensus or draft"));
                }
            }
            default -> { }
        }
    }

    private static void checkOwner(Governance governance, DocumentState document, Origin at, List<Finding> findings) {
        String owner = nullToEmpty(document.owner()).strip();
        Optional<Body> listed = governance.ownerOf(document.documentId());
        if (governance.body(owner).isEmpty()) {
            findings.add(error(at, "unknown :nexehrs-owner: '" + owner + "'; not a committee (部会) or WG in "
                    + GovernanceLoader.COMMITTEES + "; known: " + String.join(", ",
                    governance.bodies().stream().map(Body::name).toList())));
        } else if (listed.isEmpty()) {
            findings.add(error(at, document.documentId() + " is not listed under any committee or WG in "
                    + GovernanceLoader.COMMITTEES + "; add it to the documents of " + owner));
        } else if (!listed.get().name().equals(owner)) {
            findings.add(error(at, ":nexehrs-owner: is " + owner + " but " + listed.get().origin().ref()
                    + " lists " + document.documentId() + " under " + listed.get().name()));
        }
    }

    private void checkAdopted(Governance governance, DocumentState document, Origin at, List<Ballot> onVersion,
                              List<Finding> findings) {
        List<TallyResult> results = onVersion.stream().map(b -> tally.tally(governance, b)).toList();
        if (results.stream().anyMatch(TallyResult::passed)) return;
        String evidence;
        if (results.isEmpty()) {
            evidence = GovernanceLoader.BALLOTS + "/ has no ballot on version " + document.version();
        } else {
            evidence = String.join("; ", results.stream().map(r -> r.ballotFile() + " "
                    + (r.closed() ? "did not pass (" + r.yes() + " yes of " + r.denominator() + ", "
                    + r.requiredYes() + " required)" : "is still open until " + r.closes())).toList());
        }
        findings.add(error(at, document.documentId() + " is marked adopted (採択) but no closed ballot on version "
                + document.version() + " passed: " + evidence));
    }

    // ---- ballots/*.yaml

    private void checkBallots(Governance governance, Map<String, DocumentState> documents, List<Finding> findings) {
        for (Ballot ballot : governance.ballots()) {
            if (!documents.isEmpty() && !documents.containsKey(ballot.document())) {
                findings.add(error(ballot.origin(), "ballot on unknown document '" + ballot.document()
                        + "'; known documents: " + String.join(", ", documents.keySet())));
            }
            if (ballot.closes().isBefore(ballot.opens())) {
                findings.add(error(ballot.origin(), "closes " + ballot.closes() + " is before opens " + ballot.opens()));
            }
            Electorate electorate = Electorate.forDocument(governance, ballot.document());
            if (electorate.committee().isEmpty()) {
                findings.add(error(ballot.origin(), "no committee or WG in " + GovernanceLoader.COMMITTEES + " owns '"
                        + ballot.document() + "', so no one can vote on it"));
            } else if (electorate.members().isEmpty()) {
                findings.add(error(ballot.origin(), "no full member (正会員) is registered in " + electorate.committee().get()
                        + ", so no one can vote on " + ballot.document()));
            }
            for (RejectedVote rejected : VoteScreening.screen(governance, ballot, electorate).rejected()) {
                Origin at = rejected.vote().origin();
                findings.add(rejected.reason().isRecordError() ? error(at, rejected.message())
                        : warning(at, rejected.message()));
            }
        }
    }

    // ---- comments/*.yaml

    private static void checkComments(Governance governance, Map<String, DocumentState> documents,
                                      List<Finding> findings) {
        for (CommentLog log : governance.comments()) {
            if (!documents.isEmpty() && !documents.containsKey(log.document())) {
                findings.add(error(log.origin(), "comment dispositions for unknown document '" + log.document()
                        + "'; name the file after a document id, e.g. 01-overview.yaml"));
            }
            Map<String, CommentDisposition> ids = new HashMap<>();
            for (CommentDisposition d : log.dispositions()) {
                CommentDisposition first = ids.putIfAbsent(d.id(), d);
                if (first != null) {
                    findings.add(error(d.origin(), "comment id '" + d.id() + "' is already used at line "
                            + first.origin().line()));
                }
                if (d.resolution().isBlank() && d.disposition() != Disposition.NOTED) {
                    findings.add(warning(d.origin(), "comment " + d.id() + " is " + d.disposition().yamlName()
                            + " (" + d.disposition().japanese() + ") but has no resolution saying what was done or why"));
                }
            }
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
