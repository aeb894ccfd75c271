package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.OperatingMode;
import org.gongzhi.core.service.TransitionCommand;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.TriageDecision;

/**
 * Applies one step of the closed loop to a case: checks the transition with
 * {@link CaseLifecycle}, the inputs the action needs, and updates status, SLA clock and
 * counters. Knows nothing of the database: the district's operating mode is given.
 *
 * <p>In wartime (战时) a registration starts the clock under the district's emergency plan: the due
 * time is the plan's wall-clock limit for the tier, or the normal rule's (a plugin's triage
 * included) when that is earlier, and the case is marked {@code wartime}. The due time is fixed
 * when the clock starts: switching back changes nothing on a registered case (ADR 0021).
 */
final class CaseWorkflow {

    static final int MAX_EXTRA_WORKING_DAYS = 30;

    private final TenantDefinition tenant;
    private final SlaClock sla;
    private final OperatingMode mode;

    CaseWorkflow(TenantDefinition tenant) {
        this(tenant, OperatingMode.NORMAL);
    }

    /** A workflow of a district in {@code mode} (only a registration looks at it). */
    CaseWorkflow(TenantDefinition tenant, OperatingMode mode) {
        this.tenant = tenant;
        this.sla = new SlaClock(tenant.calendar(), tenant.sla());
        this.mode = mode;
    }

    SlaClock sla() {
        return sla;
    }

    /** Applies {@code cmd} at {@code now}; {@code triage} is the plugin's decision at registration, if any. */
    void apply(CaseEntity c, TransitionCommand cmd, Instant now, Optional<TriageDecision> triage) {
        CaseAction action = cmd.action();
        CaseStatus from = c.status;
        CaseStatus to = CaseLifecycle.next(from, action);
        switch (action) {
            case REGISTER -> register(c, cmd, now, triage);
            case DISPATCH -> dispatch(c, cmd, now);
            case RETURN -> {
                requireNote(cmd, "退回须说明原因 (a return needs a reason)");
                c.leadDepartment = null;
                c.coDepartments = new ArrayList<>();
            }
            case FEEDBACK -> {
                requireNote(cmd, "反馈须填写处置结果 (feedback needs the handling result)");
                c.feedbackAt = now;
            }
            case VERIFY_FAIL -> {
                requireNote(cmd, "核查不通过须说明原因 (a failed check needs a reason)");
                c.reworkCount++;
            }
            case POSTPONE -> postpone(c, cmd);
            case CLOSE -> {
                c.closedAt = now;
                c.closedOnTime = c.dueAt == null || !now.isAfter(c.dueAt);
            }
            case EVALUATE -> evaluate(c, cmd);
            case REOPEN -> {
                requireNote(cmd, "重新打开须说明原因 (reopening needs a reason)");
                c.reopenCount++;
                c.closedAt = null;
                c.closedOnTime = null;
                c.satisfaction = null;
            }
            case REJECT -> requireNote(cmd, "不予立案须说明原因 (a rejection needs a reason)");
            case PROGRESS -> requireSomeNote(cmd, "进展说明须填写内容 (a progress note needs text)");
            case COMMENT -> requireSomeNote(cmd, "备注须填写内容 (a comment needs text in note or publicNote)");
            default -> {
                // accept, verify-pass, resume: the status change is all
            }
        }
        c.status = to;
    }

    private void register(CaseEntity c, TransitionCommand cmd, Instant now, Optional<TriageDecision> triage) {
        c.registeredAt = now;
        if (cmd.tier() != null) {
            c.tier = cmd.tier();
            c.dueAt = sla.dueAt(cmd.tier(), now);
        } else if (triage.isPresent()) {
            TriageDecision d = triage.get();
            c.tier = SlaTier.fromWireName(d.tier()).orElseThrow(() ->
                    new IllegalStateException("a triage policy returned an unknown tier: " + d.tier()));
            c.dueAt = d.dueHours() > 0
                    ? tenant.calendar().dueAfterHours(now, java.time.Duration.ofHours(d.dueHours()))
                    : sla.dueAt(d.dueWorkingDays(), now);
        } else {
            c.dueAt = sla.dueAt(c.tier, now);
        }
        c.wartime = mode == OperatingMode.WARTIME;
        if (c.wartime) {
            Instant planned = tenant.calendar().dueAfterHours(now, tenant.emergency().limit(c.tier));
            if (planned.isBefore(c.dueAt)) {
                c.dueAt = planned;
            }
        }
        c.warningAt = sla.warningAt(now, c.dueAt);
    }

    private void dispatch(CaseEntity c, TransitionCommand cmd, Instant now) {
        String lead = cmd.leadDepartment();
        if (lead == null || lead.isBlank()) {
            throw new ValidationException("leadDepartment", "派遣须指定牵头部门 (dispatch needs a lead department)");
        }
        requireDepartment("leadDepartment", lead);
        Set<String> co = new LinkedHashSet<>();
        for (String d : cmd.coDepartments()) {
            requireDepartment("coDepartments", d);
            if (d.equals(lead)) {
                throw new ValidationException("coDepartments", "协办部门不能与牵头部门相同 (co-handling department equals the lead): " + d);
            }
            co.add(d);
        }
        if (c.triageCopyCompetent) {
            competentDepartment(c).filter(d -> !d.equals(lead)).ifPresent(co::add);
        }
        c.leadDepartment = lead;
        c.coDepartments = new ArrayList<>(co);
        c.dispatchedAt = now;
    }

    /** The district department competent for the case's category (同步抄送 of the triage). */
    private Optional<String> competentDepartment(CaseEntity c) {
        return tenant.category(c.categoryCode)
                .flatMap(cd -> tenant.departmentsOfKind(cd.departmentKind()).stream().findFirst())
                .map(DepartmentDefinition::code);
    }

    private void postpone(CaseEntity c, TransitionCommand cmd) {
        requireNote(cmd, "延期须说明原因 (postponement needs a reason)");
        Integer days = cmd.extraWorkingDays();
        if (days == null || days < 1 || days > MAX_EXTRA_WORKING_DAYS) {
            throw new ValidationException("extraWorkingDays",
                    "延期工作日数须在 1–" + MAX_EXTRA_WORKING_DAYS + " 之间 (extraWorkingDays must be 1–" + MAX_EXTRA_WORKING_DAYS + ")");
        }
        c.postponeCount++;
        if (c.dueAt != null) {
            Instant start = c.registeredAt;
            c.dueAt = sla.extend(c.dueAt, days);
            c.warningAt = sla.warningAt(start, c.dueAt);
        }
    }

    private void evaluate(CaseEntity c, TransitionCommand cmd) {
        Integer s = cmd.satisfaction();
        if (s == null || s < 1 || s > 5) {
            throw new ValidationException("satisfaction", "满意度须为 1–5 (satisfaction must be 1–5)");
        }
        c.satisfaction = s.shortValue();
    }

    private void requireDepartment(String field, String code) {
        List<DepartmentDefinition> departments = tenant.departments();
        if (departments.stream().noneMatch(d -> d.code().equals(code))) {
            throw new ValidationException(field, "本区没有该部门 (unknown department): " + code);
        }
    }

    /** A note for staff or for the public, at least one of them. */
    private static void requireSomeNote(TransitionCommand cmd, String message) {
        boolean publicNote = cmd.publicNote() != null && !cmd.publicNote().isBlank();
        if (!publicNote && (cmd.note() == null || cmd.note().isBlank())) {
            throw new ValidationException("note", message);
        }
    }

    private static void requireNote(TransitionCommand cmd, String message) {
        if (cmd.note() == null || cmd.note().isBlank()) {
            throw new ValidationException("note", message);
        }
    }
}
