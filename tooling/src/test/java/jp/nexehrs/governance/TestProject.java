package jp.nexehrs.governance;

import jp.nexehrs.report.SourceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A small project with a governance/ folder, written to a temporary directory. By default: committee
 * 基盤技術部会 owning 01-overview, WG 共用WG under it owning 03-sharing, and {@code fullMembers} full members
 * m1..mN each registering one person in the committee (m1's person also in the WG, which they lead).
 */
final class TestProject {
    /** "Today" in every test: 2026-11-25 in Japan. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), BallotTally.JAPAN);

    final Path root;
    private final StringBuilder members = new StringBuilder("members:\n");

    TestProject(Path root) {
        this.root = root;
    }

    static TestProject withFullMembers(Path root, int fullMembers) {
        TestProject p = new TestProject(root);
        for (int i = 1; i <= fullMembers; i++) {
            p.member("m" + i, "full", "corporate", "基盤技術部会", "人 " + i);
            if (i == 1) p.registration("共用WG", "人 1"); // m1's person leads both bodies
        }
        return p;
    }

    TestProject member(String id, String memberClass, String kind, String body, String... participants) {
        members.append("  - id: ").append(id).append('\n')
                .append("    name: 会員").append(id).append('\n')
                .append("    class: ").append(memberClass).append('\n')
                .append("    kind: ").append(kind).append('\n')
                .append("    registrations:\n")
                .append("      - body: ").append(body).append('\n')
                .append("        participants: [").append(String.join(", ", participants)).append("]\n");
        return this;
    }

    /** Another registration for the member added last. */
    TestProject registration(String body, String... participants) {
        members.append("      - body: ").append(body).append('\n')
                .append("        participants: [").append(String.join(", ", participants)).append("]\n");
        return this;
    }

    TestProject file(String relative, String content) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A ballot on 01-overview 0.1.0 open 2026-10-01..2026-10-31 (closed today) with the given vote lines. */
    TestProject closedBallot(String name, String... votes) {
        return ballot(name, "01-overview", "2026-10-01", "2026-10-31", "", votes);
    }

    /** "member:vote" or "member:vote:date" per vote; the date defaults to 2026-10-10. */
    TestProject ballot(String name, String document, String opens, String closes, String extra, String... votes) {
        StringBuilder b = new StringBuilder()
                .append("document: ").append(document).append('\n')
                .append("version: 0.1.0\n")
                .append("opens: ").append(opens).append('\n')
                .append("closes: ").append(closes).append('\n')
                .append(extra)
                .append("votes:\n");
        for (String vote : votes) {
            String[] parts = vote.split(":");
            b.append("  - member: ").append(parts[0]).append('\n')
                    .append("    vote: ").append(parts[1]).append('\n')
                    .append("    date: ").append(parts.length > 2 ? parts[2] : "2026-10-10").append('\n');
        }
        return file("governance/ballots/" + name + ".yaml", b.toString());
    }

    Governance load() throws SourceException {
        file("governance/members.yaml", members.toString());
        if (!Files.exists(root.resolve("governance/committees.yaml"))) {
            file("governance/committees.yaml", """
                    committees:
                      - name: 基盤技術部会
                        leader: {member: m1, person: 人 1}
                        documents: [01-overview]
                        wgs:
                          - name: 共用WG
                            leader: {member: m1, person: 人 1}
                            documents: [03-sharing]
                    """);
        }
        return new GovernanceLoader().load(root);
    }

    static DocumentState document(String id, String status, String owner) {
        return new DocumentState(id, "spec/" + id + ".adoc", 4, "Title " + id, "0.1.0", status, owner);
    }

    static List<DocumentState> documents(String overviewStatus) {
        return List.of(document("01-overview", overviewStatus, "基盤技術部会"),
                document("03-sharing", "draft", "共用WG"));
    }
}
