package org.gongzhi.core.casework;

import static org.gongzhi.core.casework.CaseAction.*;
import static org.gongzhi.core.casework.CaseStatus.*;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The case state machine (事件闭环状态机): the single place that knows which
 * {@link CaseAction} is legal in which {@link CaseStatus} and where it leads.
 *
 * <pre>
 * REPORTED   -register-> REGISTERED     REPORTED   -reject-> REJECTED
 * REGISTERED -dispatch-> DISPATCHED     REGISTERED -reject-> REJECTED
 * DISPATCHED -accept->   HANDLING       DISPATCHED -return-> REGISTERED (退回)
 * DISPATCHED -postpone-> POSTPONED      HANDLING   -return-> REGISTERED
 * HANDLING   -feedback-> FEEDBACK       HANDLING   -postpone-> POSTPONED
 * POSTPONED  -resume->   HANDLING
 * FEEDBACK   -verify-pass-> VERIFIED    FEEDBACK   -verify-fail-> HANDLING (返工)
 * VERIFIED   -close->    CLOSED         CLOSED     -evaluate-> EVALUATED
 * CLOSED, EVALUATED, REJECTED -reopen-> REGISTERED
 * DISPATCHED, HANDLING, POSTPONED -progress-> (unchanged)
 * every status -comment-> (unchanged)
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class CaseLifecycle {

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> TRANSITIONS =
            new EnumMap<>(CaseStatus.class);

    static {
        for (CaseStatus s : CaseStatus.values()) {
            TRANSITIONS.put(s, new EnumMap<>(CaseAction.class));
        }
        add(REPORTED, REGISTER, REGISTERED);
        add(REPORTED, REJECT, REJECTED);
        add(REGISTERED, REJECT, REJECTED);
        add(REGISTERED, DISPATCH, DISPATCHED);
        add(DISPATCHED, ACCEPT, HANDLING);
        add(DISPATCHED, RETURN, REGISTERED);
        add(DISPATCHED, POSTPONE, POSTPONED);
        add(HANDLING, RETURN, REGISTERED);
        add(HANDLING, CaseAction.FEEDBACK, CaseStatus.FEEDBACK);
        add(HANDLING, POSTPONE, POSTPONED);
        add(POSTPONED, RESUME, HANDLING);
        add(CaseStatus.FEEDBACK, VERIFY_PASS, VERIFIED);
        add(CaseStatus.FEEDBACK, VERIFY_FAIL, HANDLING);
        add(VERIFIED, CLOSE, CLOSED);
        add(CLOSED, EVALUATE, EVALUATED);
        add(CLOSED, REOPEN, REGISTERED);
        add(EVALUATED, REOPEN, REGISTERED);
        add(REJECTED, REOPEN, REGISTERED);
        add(DISPATCHED, PROGRESS, DISPATCHED);
        add(HANDLING, PROGRESS, HANDLING);
        add(POSTPONED, PROGRESS, POSTPONED);
        for (CaseStatus s : CaseStatus.values()) {
            add(s, COMMENT, s);
        }
        TRANSITIONS.replaceAll((s, m) -> Collections.unmodifiableMap(m));
    }

    private CaseLifecycle() {
    }

    private static void add(CaseStatus from, CaseAction action, CaseStatus to) {
        TRANSITIONS.get(from).put(action, to);
    }

    /**
     * The status reached by performing {@code action} on a case in status {@code from}.
     *
     * @throws IllegalTransitionException if the action is not allowed in that status
     * @throws NullPointerException if an argument is {@code null}
     */
    public static CaseStatus next(CaseStatus from, CaseAction action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        CaseStatus to = TRANSITIONS.get(from).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action, allowedActions(from));
        }
        return to;
    }

    /** Like {@link #next} but empty instead of throwing for an illegal transition. */
    public static Optional<CaseStatus> target(CaseStatus from, CaseAction action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        return Optional.ofNullable(TRANSITIONS.get(from).get(action));
    }

    /** Whether {@code action} is legal in status {@code from}. */
    public static boolean canPerform(CaseStatus from, CaseAction action) {
        return target(from, action).isPresent();
    }

    /** The actions legal in {@code status} (a new, modifiable set in declaration order; may be empty). */
    public static Set<CaseAction> allowedActions(CaseStatus status) {
        Objects.requireNonNull(status, "status");
        Set<CaseAction> keys = TRANSITIONS.get(status).keySet();
        return keys.isEmpty() ? EnumSet.noneOf(CaseAction.class) : EnumSet.copyOf(keys);
    }

    /**
     * Whether performing {@code action} in {@code from} is a rework (返工): a failed verification
     * that sends the case from {@link CaseStatus#FEEDBACK} back to {@link CaseStatus#HANDLING}.
     * Returns {@code false} for any other pair, including illegal ones; returns (退回) and reopens
     * are not rework.
     */
    public static boolean isRework(CaseStatus from, CaseAction action) {
        return from == CaseStatus.FEEDBACK && action == VERIFY_FAIL;
    }
}
