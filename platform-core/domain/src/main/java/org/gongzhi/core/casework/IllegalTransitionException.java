package org.gongzhi.core.casework;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Thrown by {@link CaseLifecycle#next} when an action is not allowed in the case's current
 * status. The message is Chinese first, English in brackets, e.g.
 * {@code 案件状态为「已上报」时不能执行「派遣」操作 (cannot dispatch a case in status REPORTED; allowed: register, reject)}.
 */
public class IllegalTransitionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final CaseStatus from;
    private final CaseAction action;
    private final Set<CaseAction> allowed;

    /** Creates the exception; {@code allowed} is the set of actions legal in {@code from}. */
    public IllegalTransitionException(CaseStatus from, CaseAction action, Set<CaseAction> allowed) {
        super(message(from, action, allowed));
        this.from = from;
        this.action = action;
        this.allowed = allowed.isEmpty()
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.copyOf(allowed));
    }

    private static String message(CaseStatus from, CaseAction action, Set<CaseAction> allowed) {
        String allowedText = allowed.isEmpty() ? "none"
                : allowed.stream().map(CaseAction::wireName).collect(Collectors.joining(", "));
        return "案件状态为「" + from.labelZh() + "」时不能执行「" + action.labelZh() + "」操作 (cannot "
                + action.wireName() + " a case in status " + from.name() + "; allowed: " + allowedText + ")";
    }

    /** The status the case was in. */
    public CaseStatus from() {
        return from;
    }

    /** The refused action. */
    public CaseAction action() {
        return action;
    }

    /** The actions that would have been legal (unmodifiable). */
    public Set<CaseAction> allowed() {
        return allowed;
    }
}
