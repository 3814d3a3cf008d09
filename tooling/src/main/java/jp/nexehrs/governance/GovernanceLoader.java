package jp.nexehrs.governance;

import com.fasterxml.jackson.annotation.JsonProperty;
import jp.nexehrs.report.SourceException;
import jp.nexehrs.util.YamlPositions;
import jp.nexehrs.util.YamlReader;
import jp.nexehrs.util.YamlReader.Located;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads a project's {@code governance/} folder (format: {@code governance/README.md}). Shape errors (unknown
 * key, wrong type, missing key, unknown enum word, bad date) stop loading with a {@link SourceException} that
 * names file, line and column; rules across records are {@link GovernanceRules}' job.
 */
public final class GovernanceLoader {
    public static final String FOLDER = "governance";
    public static final String MEMBERS = FOLDER + "/members.yaml";
    public static final String COMMITTEES = FOLDER + "/committees.yaml";
    public static final String BALLOTS = FOLDER + "/ballots";
    public static final String COMMENTS = FOLDER + "/comments";

    private final YamlReader reader = new YamlReader();

    // The shapes of the files as written; converted to the public records once checked.
    record MembersFile(List<MemberYaml> members) {}
    record MemberYaml(String id, String name, @JsonProperty("class") String memberClass, String kind,
                      List<RegistrationYaml> registrations) {}
    record RegistrationYaml(String body, List<String> participants) {}
    record CommitteesFile(List<BodyYaml> committees) {}
    record BodyYaml(String name, String english, LeaderYaml leader, List<String> documents,
                    @JsonProperty("wgs") List<BodyYaml> workingGroups) {}
    record LeaderYaml(String member, String person) {}
    record SettingsFile(String denominator) {}
    record BallotFile(String document, String version, String commit, String opens, String closes,
                      String denominator, List<VoteYaml> votes) {}
    record VoteYaml(String member, String vote, String date, String comment) {}
    record CommentsFile(String version, List<DispositionYaml> dispositions) {}
    record DispositionYaml(String id, String section, String commenter, String comment, String disposition,
                           String resolution) {}

    /**
     * Loads {@code projectRoot/governance}. A project without that folder has no governance records and gets
     * {@link Governance#empty()}; with it, {@code members.yaml} and {@code committees.yaml} are required and
     * {@code settings.yaml}, {@code ballots/*.yaml} and {@code comments/*.yaml} are optional.
     *
     * @throws SourceException the first file that cannot be read as governance records, with line and column
     */
    public Governance load(Path projectRoot) throws SourceException {
        Path folder = projectRoot.resolve(FOLDER);
        if (!Files.isDirectory(folder)) return Governance.empty();
        List<Member> members = loadMembers(required(projectRoot, MEMBERS));
        List<Body> bodies = loadBodies(required(projectRoot, COMMITTEES));
        GovernanceSettings settings = loadSettings(projectRoot);
        List<Ballot> ballots = new ArrayList<>();
        for (Path file : yamlFiles(projectRoot, BALLOTS)) ballots.add(loadBallot(projectRoot, file));
        List<CommentLog> comments = new ArrayList<>();
        for (Path file : yamlFiles(projectRoot, COMMENTS)) comments.add(loadComments(projectRoot, file));
        return new Governance(members, bodies, ballots, comments, settings);
    }

    private static Path required(Path root, String relative) throws SourceException {
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new SourceException(relative, 0, 0, "missing: a governance/ folder needs " + MEMBERS + " and "
                    + COMMITTEES + " (see governance/README.md)");
        }
        return file;
    }

    private static List<Path> yamlFiles(Path root, String relativeFolder) throws SourceException {
        Path folder = root.resolve(relativeFolder);
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && isYaml(f)).sorted().toList();
        } catch (IOException e) {
            throw new SourceException(relativeFolder, 0, 0, "cannot list: " + e.getMessage(), e);
        }
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    // ---- members.yaml

    private List<Member> loadMembers(Path file) throws SourceException {
        Located<MembersFile> read = reader.readLocated(file, MEMBERS, MembersFile.class);
        Fields f = new Fields(read.positions());
        List<Member> members = new ArrayList<>();
        List<MemberYaml> list = f.list(read.value().members(), "", "members", "the member organisations");
        for (int i = 0; i < list.size(); i++) {
            String at = "/members/" + i;
            MemberYaml m = f.present(list.get(i), at, "a member entry");
            List<Member.Registration> registrations = new ArrayList<>();
            List<RegistrationYaml> regs = m.registrations() == null ? List.of() : m.registrations();
            for (int j = 0; j < regs.size(); j++) {
                String rat = at + "/registrations/" + j;
                RegistrationYaml r = f.present(regs.get(j), rat, "a registration");
                registrations.add(new Member.Registration(
                        f.text(r.body(), rat, "body", "the committee or WG name"),
                        f.texts(r.participants(), rat, "participants"), f.origin(rat)));
            }
            members.add(new Member(
                    f.text(m.id(), at, "id", "a short identifier such as sakura-medical, used in ballots"),
                    f.text(m.name(), at, "name", "the organisation's name"),
                    f.choice(MemberClass.class, m.memberClass(), at, "class"),
                    f.choice(MemberKind.class, m.kind(), at, "kind"),
                    registrations, f.origin(at)));
        }
        return members;
    }

    // ---- committees.yaml

    private List<Body> loadBodies(Path file) throws SourceException {
        Located<CommitteesFile> read = reader.readLocated(file, COMMITTEES, CommitteesFile.class);
        Fields f = new Fields(read.positions());
        List<Body> bodies = new ArrayList<>();
        List<BodyYaml> committees = f.list(read.value().committees(), "", "committees", "the committees (部会)");
        for (int i = 0; i < committees.size(); i++) {
            String at = "/committees/" + i;
            BodyYaml c = f.present(committees.get(i), at, "a committee entry");
            String name = f.text(c.name(), at, "name", "the committee name, e.g. 基盤技術部会");
            bodies.add(body(f, c, at, name, BodyKind.COMMITTEE, null));
            List<BodyYaml> wgs = c.workingGroups() == null ? List.of() : c.workingGroups();
            for (int j = 0; j < wgs.size(); j++) {
                String wat = at + "/wgs/" + j;
                BodyYaml wg = f.present(wgs.get(j), wat, "a WG entry");
                if (wg.workingGroups() != null) {
                    throw f.error(wat + "/wgs", "a WG cannot have WGs of its own; WGs sit directly under a committee (部会)");
                }
                bodies.add(body(f, wg, wat, f.text(wg.name(), wat, "name", "the WG name, e.g. 共用WG"),
                        BodyKind.WORKING_GROUP, name));
            }
        }
        return bodies;
    }

    private static Body body(Fields f, BodyYaml yaml, String at, String name, BodyKind kind, String parent)
            throws SourceException {
        LeaderYaml l = yaml.leader();
        if (l == null) throw f.error(at, "missing 'leader' (member: <member id>, person: <name>)");
        Body.Leader leader = new Body.Leader(f.text(l.member(), at + "/leader", "member", "the leader's member id"),
                f.text(l.person(), at + "/leader", "person", "the leader's name"), f.origin(at + "/leader"));
        List<String> documents = yaml.documents() == null ? List.of() : f.texts(yaml.documents(), at, "documents");
        return new Body(name, yaml.english() == null ? "" : yaml.english(), kind, parent, leader, documents,
                f.origin(at));
    }

    // ---- settings.yaml

    private GovernanceSettings loadSettings(Path root) throws SourceException {
        Path file = root.resolve(GovernanceSettings.FILE);
        if (!Files.isRegularFile(file)) return GovernanceSettings.defaults();
        Located<SettingsFile> read = reader.readLocated(file, GovernanceSettings.FILE, SettingsFile.class);
        Fields f = new Fields(read.positions());
        DenominatorRule rule = read.value().denominator() == null ? DenominatorRule.REGISTERED_FULL_MEMBERS
                : f.choice(DenominatorRule.class, read.value().denominator(), "", "denominator");
        return new GovernanceSettings(rule, f.origin("/denominator"));
    }

    // ---- ballots/*.yaml

    private Ballot loadBallot(Path root, Path file) throws SourceException {
        String name = relative(root, file);
        Located<BallotFile> read = reader.readLocated(file, name, BallotFile.class);
        Fields f = new Fields(read.positions());
        BallotFile b = read.value();
        List<Vote> votes = new ArrayList<>();
        List<VoteYaml> list = b.votes() == null ? List.of() : b.votes();
        for (int i = 0; i < list.size(); i++) {
            String at = "/votes/" + i;
            VoteYaml v = f.present(list.get(i), at, "a vote");
            votes.add(new Vote(f.text(v.member(), at, "member", "the member id from " + MEMBERS),
                    f.choice(VoteChoice.class, v.vote(), at, "vote"),
                    f.date(v.date(), at, "date", "the day the vote was cast"), v.comment(), f.origin(at)));
        }
        Optional<DenominatorRule> rule = b.denominator() == null ? Optional.empty()
                : Optional.of(f.choice(DenominatorRule.class, b.denominator(), "", "denominator"));
        return new Ballot(stem(file),
                f.text(b.document(), "", "document", "the document id, e.g. 01-overview"),
                f.text(b.version(), "", "version", "the document version balloted, its :revnumber:"),
                b.commit(),
                f.date(b.opens(), "", "opens", "the first day of voting"),
                f.date(b.closes(), "", "closes", "the last day of voting"),
                rule, votes, f.origin(""));
    }

    // ---- comments/<document>.yaml

    private CommentLog loadComments(Path root, Path file) throws SourceException {
        String name = relative(root, file);
        Located<CommentsFile> read = reader.readLocated(file, name, CommentsFile.class);
        Fields f = new Fields(read.positions());
        List<CommentDisposition> dispositions = new ArrayList<>();
        List<DispositionYaml> list = f.list(read.value().dispositions(), "", "dispositions",
                "the public comments and how each was resolved");
        for (int i = 0; i < list.size(); i++) {
            String at = "/dispositions/" + i;
            DispositionYaml d = f.present(list.get(i), at, "a disposition");
            dispositions.add(new CommentDisposition(
                    f.text(d.id(), at, "id", "the comment number, e.g. C-001"),
                    f.text(d.section(), at, "section", "the section commented on"),
                    d.commenter(),
                    f.text(d.comment(), at, "comment", "the comment as received"),
                    f.choice(Disposition.class, d.disposition(), at, "disposition"),
                    d.resolution(), f.origin(at)));
        }
        return new CommentLog(stem(file), read.value().version(), dispositions, f.origin(""));
    }

    /** Checks one field at a time and turns a bad one into an error at its position. */
    private record Fields(YamlPositions positions) {
        Origin origin(String pointer) {
            YamlPositions.Position p = positions.at(pointer);
            return new Origin(positions.file(), p.line(), p.column());
        }

        SourceException error(String pointer, String message) {
            YamlPositions.Position p = positions.at(pointer);
            return new SourceException(positions.file(), p.line(), p.column(), message);
        }

        <T> T present(T value, String pointer, String what) throws SourceException {
            if (value == null) throw error(pointer, "empty entry: expected " + what);
            return value;
        }

        <T> List<T> list(List<T> value, String parent, String key, String what) throws SourceException {
            if (value == null) throw error(parent, "missing '" + key + "': the list of " + what);
            return value;
        }

        String text(String value, String parent, String key, String what) throws SourceException {
            if (value == null || value.isBlank()) throw error(parent + "/" + key, "missing '" + key + "': " + what);
            return value.strip();
        }

        List<String> texts(List<String> values, String parent, String key) throws SourceException {
            if (values == null) throw error(parent, "missing '" + key + "'");
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null || values.get(i).isBlank()) {
                    throw error(parent + "/" + key + "/" + i, "empty entry in '" + key + "'");
                }
            }
            return values.stream().map(String::strip).toList();
        }

        <E extends Enum<E> & YamlEnum> E choice(Class<E> type, String value, String parent, String key)
                throws SourceException {
            String pointer = parent + "/" + key;
            if (value == null) throw error(pointer, "missing '" + key + "'; allowed: " + YamlEnum.allowed(type));
            E parsed = YamlEnum.parse(type, value.strip());
            if (parsed == null) {
                throw error(pointer, "unknown " + key + " '" + value + "'; allowed: " + YamlEnum.allowed(type));
            }
            return parsed;
        }

        LocalDate date(String value, String parent, String key, String what) throws SourceException {
            String pointer = parent + "/" + key;
            if (value == null) throw error(pointer, "missing '" + key + "': " + what + " (YYYY-MM-DD)");
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw error(pointer, "bad date '" + value + "' for '" + key + "': expected YYYY-MM-DD, e.g. 2025-10-31");
            }
        }
    }
}
