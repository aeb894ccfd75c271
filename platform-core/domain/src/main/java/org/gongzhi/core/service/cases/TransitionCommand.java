package org.gongzhi.core.service.cases;

import java.util.List;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.SlaTier;

/**
 * One step of the closed loop. Fields beyond {@code action} are used by the actions that need
 * them: {@code leadDepartment}/{@code coDepartments} by dispatch (派遣), {@code tier} by register
 * (立案, optional), {@code extraWorkingDays} and {@code note} (the reason) by postpone (延期),
 * {@code satisfaction} 1–5 by evaluate, {@code note} by reject, return and verify-fail;
 * {@code note} or {@code publicNote} by progress and comment.
 *
 * @param note            internal note (staff only)
 * @param publicNote      text for the public, journaled apart from {@code note}; any step may carry one
 * @param expectedVersion when not null, the transition is refused if the case changed meanwhile
 */
public record TransitionCommand(CaseAction action, String actor, String note, List<String> attachments,
                                String leadDepartment, List<String> coDepartments, SlaTier tier,
                                Integer extraWorkingDays, Integer satisfaction, Long expectedVersion,
                                String publicNote) {

    /** Actor prefix of the city centre's dispatchers ({@code city:<user name>}): their steps are take-overs. */
    public static final String CITY_ACTOR_PREFIX = "city:";
    /** The mark a take-over's journal note starts with (市级接管: the city centre acted on a district's case). */
    public static final String TAKE_OVER = "市级接管";

    public TransitionCommand {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
    }

    /** A step without a public note. */
    public TransitionCommand(CaseAction action, String actor, String note, List<String> attachments,
                             String leadDepartment, List<String> coDepartments, SlaTier tier,
                             Integer extraWorkingDays, Integer satisfaction, Long expectedVersion) {
        this(action, actor, note, attachments, leadDepartment, coDepartments, tier, extraWorkingDays, satisfaction,
                expectedVersion, null);
    }
}
