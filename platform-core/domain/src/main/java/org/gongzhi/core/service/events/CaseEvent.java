package org.gongzhi.core.service.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.casework.Channel;

/**
 * One committed step of a case's life (事件动态), as the live stream and the big screen show it.
 * Carries no personal data: no title, description, reporter, note or address — only what a wall
 * screen in a public room may show.
 *
 * @param id             opaque, ordered cursor; resuming after it yields every later event exactly once
 * @param tenant         district id
 * @param caseId         the case
 * @param caseNumber     the case number (事件编号)
 * @param action         what happened: {@code report} for the intake, otherwise a step's wire name
 * @param from           status before, {@code null} for the intake
 * @param to             status after
 * @param category       category code
 * @param family         category family
 * @param grid           grid code, {@code null} if the case has none
 * @param leadDepartment lead department code, {@code null} before dispatch
 * @param channel        intake channel
 * @param at             when the step happened
 */
public record CaseEvent(String id, String tenant, UUID caseId, String caseNumber, String action, CaseStatus from,
                        CaseStatus to, String category, CategoryFamily family, String grid, String leadDepartment,
                        Channel channel, Instant at) {

    /** The action of an intake event. */
    public static final String REPORT = "report";

    /** Checks the required components. */
    public CaseEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
