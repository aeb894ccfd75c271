package org.gongzhi.core.casework.workflow;

import java.util.Optional;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the workflow asks the platform during one step, in this order: the guards (after the state
 * machine allowed the step, before anything changes), then — at a registration only — the district's
 * operating mode, when the step names no tier the plugins' triage, and the responsibility list. Implemented by storage, which
 * runs the plugins of the district's enabled models inside the step's transaction.
 *
 * @since 1.0.0
 */
@ConsumerType
public interface StepHooks {

    /**
     * Lets the plugins' guards refuse {@code action} on {@code c} (as it is before the step).
     *
     * @throws org.gongzhi.core.service.StepRefusedException to refuse; nothing is changed then
     */
    void guard(CaseRecord c, CaseAction action);

    /** The district's operating mode now (asked at a registration only: the clock starts there). */
    OperatingMode mode();

    /** The first triage decision of the plugins on {@code c}, if any (asked at a registration without a tier). */
    Optional<Triage> triage(CaseRecord c);

    /**
     * The district's responsibility list in force (责任清单; asked at a registration only, ADR 0033). The
     * default, for hooks written before 1.1.0: no list.
     *
     * @since 1.1.0
     */
    default ResponsibilityList responsibilities() {
        return ResponsibilityList.EMPTY;
    }

    /** Hooks that refuse nothing, in normal mode, without triage (tests, tools). */
    static StepHooks none() {
        return none(OperatingMode.NORMAL);
    }

    /** Hooks that refuse nothing, in {@code mode}, without triage. */
    static StepHooks none(OperatingMode mode) {
        return new StepHooks() {
            @Override
            public void guard(CaseRecord c, CaseAction action) {
            }

            @Override
            public OperatingMode mode() {
                return mode;
            }

            @Override
            public Optional<Triage> triage(CaseRecord c) {
                return Optional.empty();
            }
        };
    }
}
