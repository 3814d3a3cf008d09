package jp.nexehrs.governance;

/** A recorded vote that does not count, and why. */
public record RejectedVote(Vote vote, Reason reason, String message) {

    /** Why a vote does not count. Timing problems are warnings (the record is faithful); the rest are errors. */
    public enum Reason {
        NOT_A_MEMBER("会員ではない", true),
        NOT_A_FULL_MEMBER("正会員ではない", true),
        NOT_REGISTERED_IN_COMMITTEE("部会に未登録", true),
        DUPLICATE("重複投票", true),
        BEFORE_OPENING("投票開始前", false),
        AFTER_CLOSING("締切後", false);

        private final String japanese;
        private final boolean recordError;

        Reason(String japanese, boolean recordError) {
            this.japanese = japanese;
            this.recordError = recordError;
        }

        public String japanese() { return japanese; }

        /** Whether the ballot file is wrong (error) rather than recording a vote that came at the wrong time. */
        public boolean isRecordError() { return recordError; }
    }
}
