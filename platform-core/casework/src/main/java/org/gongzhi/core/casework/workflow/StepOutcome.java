package org.gongzhi.core.casework.workflow;

import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;

/**
 * What one step decided, for storage to write in one transaction: the changed case, its journal entry and
 * the outbox work (rows to write for a dispatch, pending rows to cancel after a return).
 *
 * @param before            the case as the step found it
 * @param after             the case as the step leaves it
 * @param journal           the entry to append to the case's journal
 * @param dispatches        one order per department of a dispatch (lead first), empty for other steps
 * @param cancelDispatches  whether the case's undelivered dispatches are withdrawn (a return, 退回)
 * @since 1.0.0
 */
public record StepOutcome(CaseRecord before, CaseRecord after, JournalRecord journal,
                          List<DispatchOrder> dispatches, boolean cancelDispatches) {

    /** Copies the list. */
    public StepOutcome {
        dispatches = dispatches == null ? List.of() : List.copyOf(dispatches);
    }

    /** The step's action. */
    public CaseAction action() {
        return journal.action();
    }

    /** The status before the step. */
    public CaseStatus from() {
        return journal.from();
    }

    /** The status after the step. */
    public CaseStatus to() {
        return journal.to();
    }
}
