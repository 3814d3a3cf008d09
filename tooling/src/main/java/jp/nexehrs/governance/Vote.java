package jp.nexehrs.governance;

import java.time.LocalDate;

/** One organisation's vote as recorded in a ballot file; whether it counts is decided by {@link VoteScreening}. */
public record Vote(String member, VoteChoice choice, LocalDate date, String comment, Origin origin) {
    public Vote {
        comment = comment == null ? "" : comment;
    }
}
