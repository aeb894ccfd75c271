package org.gongzhi.core.casework.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.DispatchProposal;

/**
 * Where a case stands in the closed loop: what the steps change.
 *
 * @param status              the status, as {@code CaseLifecycle} left it
 * @param tier                the SLA tier (the category's at intake; registration may change it)
 * @param leadDepartment      the lead department of the current dispatch, or {@code null}
 * @param coDepartments       co-handling departments of the current dispatch (协办)
 * @param dueAt               when the SLA clock runs out, or {@code null} before registration
 * @param warningAt           when the case turns amber, or {@code null}
 * @param closedOnTime        whether the close came before {@code dueAt}; {@code null} while not closed
 * @param reworkCount         failed verifications (返工: {@code FEEDBACK -verify-fail-> HANDLING})
 * @param postponeCount       postponements (延期)
 * @param reopenCount         reopens
 * @param satisfaction        the evaluation 1–5, or {@code null}
 * @param triageModel         the model whose plugin triaged the case at registration, or {@code null}
 * @param triageAttributes    what that plugin asked to show (e.g. the colour); empty when none
 * @param triageCopyCompetent whether a dispatch copies the category's competent department (同步抄送)
 * @param wartime             registered in wartime: the due time came from the emergency plan (ADR 0021)
 * @param proposal            the dispatch its registration proposed (派单建议, ADR 0033), or {@code null} (since 1.1.0)
 * @since 1.0.0
 */
public record LoopState(CaseStatus status, SlaTier tier, String leadDepartment, List<String> coDepartments,
                        Instant registeredAt, Instant dispatchedAt, Instant feedbackAt, Instant closedAt,
                        Instant dueAt, Instant warningAt, Boolean closedOnTime, int reworkCount, int postponeCount,
                        int reopenCount, Integer satisfaction, String triageModel,
                        Map<String, String> triageAttributes, boolean triageCopyCompetent, boolean wartime,
                        DispatchProposal proposal) {

    /** Copies the collections. */
    public LoopState {
        coDepartments = coDepartments == null ? List.of() : List.copyOf(coDepartments);
        triageAttributes = triageAttributes == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(triageAttributes));
    }

    /** A state without a proposal (the constructor of 1.0.0). */
    public LoopState(CaseStatus status, SlaTier tier, String leadDepartment, List<String> coDepartments,
                     Instant registeredAt, Instant dispatchedAt, Instant feedbackAt, Instant closedAt,
                     Instant dueAt, Instant warningAt, Boolean closedOnTime, int reworkCount, int postponeCount,
                     int reopenCount, Integer satisfaction, String triageModel,
                     Map<String, String> triageAttributes, boolean triageCopyCompetent, boolean wartime) {
        this(status, tier, leadDepartment, coDepartments, registeredAt, dispatchedAt, feedbackAt, closedAt, dueAt,
                warningAt, closedOnTime, reworkCount, postponeCount, reopenCount, satisfaction, triageModel,
                triageAttributes, triageCopyCompetent, wartime, null);
    }

    /** A case just reported: status {@link CaseStatus#REPORTED}, the category's tier, no clock. */
    public static LoopState reported(SlaTier tier) {
        return new LoopState(CaseStatus.REPORTED, tier, null, List.of(), null, null, null, null, null, null, null,
                0, 0, 0, null, null, Map.of(), false, false, null);
    }
}
