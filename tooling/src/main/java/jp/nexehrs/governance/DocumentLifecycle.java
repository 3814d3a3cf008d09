package jp.nexehrs.governance;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves a document's status may make, following policy 4 (1): a body drafts, its participants reach
 * consensus, the full members vote on the final draft, and two thirds in favour adopts it.
 * <pre>
 *   draft ──▶ consensus ──▶ ballot ──▶ adopted
 *     ▲  ◀──────┘  ◀──────────┘ (failed ballot)  │
 *     └──────────────────────────────────────────┘ (next revision starts as a draft)
 *   any status except withdrawn ──▶ withdrawn ──▶ draft (revived)
 * </pre>
 * A status only says where the current {@code :revnumber:} stands; the repository keeps no history of
 * statuses, so {@link GovernanceRules} checks each status against the records; these transitions tell an
 * editor what may come next ({@code nexehrs ballot status}).
 */
public final class DocumentLifecycle {
    private static final Map<DocumentStatus, Set<DocumentStatus>> NEXT = Map.of(
            DocumentStatus.DRAFT, EnumSet.of(DocumentStatus.CONSENSUS, DocumentStatus.WITHDRAWN),
            DocumentStatus.CONSENSUS, EnumSet.of(DocumentStatus.BALLOT, DocumentStatus.DRAFT, DocumentStatus.WITHDRAWN),
            DocumentStatus.BALLOT, EnumSet.of(DocumentStatus.ADOPTED, DocumentStatus.CONSENSUS, DocumentStatus.DRAFT,
                    DocumentStatus.WITHDRAWN),
            DocumentStatus.ADOPTED, EnumSet.of(DocumentStatus.DRAFT, DocumentStatus.WITHDRAWN),
            DocumentStatus.WITHDRAWN, EnumSet.of(DocumentStatus.DRAFT));

    private DocumentLifecycle() {
    }

    /** Whether a document may move from {@code from} to {@code to} in one step. */
    public static boolean canMove(DocumentStatus from, DocumentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The statuses reachable in one step from {@code from}. */
    public static Set<DocumentStatus> next(DocumentStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }
}
