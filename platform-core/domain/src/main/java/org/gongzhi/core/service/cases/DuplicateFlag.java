package org.gongzhi.core.service.cases;

import java.util.List;
import java.util.UUID;

/**
 * A case's duplicate flag and repeat count (疑似重复件, 重复投诉; ADR 0034).
 *
 * @param state            {@code null} (never flagged), {@link State#FLAGGED}, {@link State#MERGED} or
 *                         {@link State#DISMISSED}
 * @param score            the best candidate's score when flagged, else {@code null}
 * @param candidates       the open cases it may repeat, best first (kept after a merge or dismissal)
 * @param mergedInto       the master it was merged into, else {@code null}; its reporter follows the master
 * @param mergedIntoNumber the master's case number, else {@code null}
 * @param repeatNumber     the how-many-th report this is (第N次反映) of its category by the same phone or at
 *                         the same place within {@link #REPEAT_DAYS} days; 1 for a first report, at most 100
 *                         (100 or more)
 * @since 2.1
 */
public record DuplicateFlag(State state, Double score, List<DuplicateCandidate> candidates, UUID mergedInto,
                            String mergedIntoNumber, int repeatNumber) {

    /** How far back a repeat complaint is counted. */
    public static final int REPEAT_DAYS = 30;

    /** Where the flag stands. */
    public enum State {
        /** Flagged at intake, not yet decided. */
        FLAGGED,
        /** Merged into its master by a dispatcher. */
        MERGED,
        /** Dismissed by a dispatcher (不是重复). */
        DISMISSED
    }

    /** Copies the list. */
    public DuplicateFlag {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
