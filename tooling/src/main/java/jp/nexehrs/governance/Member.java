package jp.nexehrs.governance;

import java.util.List;

/**
 * A member organisation (or individual) of the consortium and the people it registered in each committee/WG.
 *
 * @param id            short stable identifier used in ballots (e.g. {@code sakura-medical})
 * @param name          display name (e.g. 株式会社さくらメディカル)
 * @param memberClass   membership class; only {@link MemberClass#FULL} votes
 * @param kind          corporate or individual; the three-participant limit applies to corporate members
 * @param registrations the committees/WGs it registered people in
 */
public record Member(String id, String name, MemberClass memberClass, MemberKind kind,
                     List<Registration> registrations, Origin origin) {
    public Member {
        registrations = List.copyOf(registrations);
    }

    /** The people a member registered in one committee or WG (事前メンバー登録). */
    public record Registration(String body, List<String> participants, Origin origin) {
        public Registration {
            participants = List.copyOf(participants);
        }
    }

    public boolean isFull() {
        return memberClass == MemberClass.FULL;
    }

    /** Whether at least one person of this member is registered in {@code body}. */
    public boolean isRegisteredIn(String body) {
        return registrations.stream().anyMatch(r -> r.body().equals(body) && !r.participants().isEmpty());
    }
}
