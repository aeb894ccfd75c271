package org.gongzhi.core.casework.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseLifecycle;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.service.cases.DispatchProposal;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.TransitionCommand;
import org.gongzhi.core.service.screen.OperatingMode;
import org.gongzhi.core.tenant.DepartmentDefinition;
import org.gongzhi.core.tenant.Responsibility;
import org.gongzhi.core.tenant.ResponsibilityList;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.plugin.api.TriageDecision;

/**
 * One step of the closed loop (事件闭环) on a case of one district. {@link #apply} asks
 * {@link CaseLifecycle} once where the action leads (an illegal step throws
 * {@link org.gongzhi.core.casework.IllegalTransitionException} before anything else), lets the plugins'
 * guards refuse it ({@link StepHooks#guard}), checks the input the action needs, and returns the changed
 * case with its journal entry and outbox work. The rules:
 *
 * <ul>
 * <li><b>register</b> (立案) starts the SLA clock: the step's tier, else a plugin's triage (its tier, and
 *     hours or working days), else the category's tier on the district's SLA policy. In wartime (战时) the
 *     due time is the emergency plan's wall-clock limit for the tier unless the normal rule gives an earlier
 *     one, and the case is marked {@code wartime}; the due time stays when the district switches back
 *     (ADR 0021). The warning time is the policy's share of the allowed time.</li>
 *     Registration also proposes the dispatch ({@link Routing}: the responsibility list, then the triage's
 *     departments) and, without a tier from the step or a triage, takes the list line's tier (ADR 0033).</li>
 * <li><b>dispatch</b> (派遣) needs a lead department of the district, named or else the registration's
 *     proposal (with the proposal's co-handling departments when the step names none); co-handling
 *     departments must exist and differ from the lead; a triage that asked for it copies the category's
 *     competent department.</li>
 * <li><b>return</b> (退回) needs a reason and clears the departments; pending dispatches are withdrawn.</li>
 * <li><b>feedback</b> needs the handling result; <b>verify-fail</b> needs a reason and counts one rework
 *     (返工).</li>
 * <li><b>postpone</b> (延期) needs a reason and 1–{@value #MAX_EXTRA_WORKING_DAYS} extra working days,
 *     counted from the due time; the warning time moves with it.</li>
 * <li><b>close</b> (结案) records whether it came in time; <b>evaluate</b> (考核) takes a satisfaction 1–5.</li>
 * <li><b>reopen</b> needs a reason, counts one reopen and clears the close, the on-time flag and the
 *     evaluation (the clock keeps its due time).</li>
 * <li><b>reject</b> needs a reason; <b>progress</b> and <b>comment</b> need a note or a public note.</li>
 * </ul>
 *
 * Stateless and thread-safe.
 *
 * @since 1.0.0
 */
public final class CaseWorkflow {

    /** The most working days one postponement may add. */
    public static final int MAX_EXTRA_WORKING_DAYS = 30;

    private final TenantDefinition tenant;
    private final SlaClock sla;
    private final BiFunction<CaseStatus, CaseAction, CaseStatus> lifecycle;

    /** The workflow of {@code tenant}'s district: its categories, departments, calendar, SLA and emergency plan. */
    public CaseWorkflow(TenantDefinition tenant) {
        this(tenant, CaseLifecycle::next);
    }

    /** With another state machine: the tests count how often it is asked. */
    CaseWorkflow(TenantDefinition tenant, BiFunction<CaseStatus, CaseAction, CaseStatus> lifecycle) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.sla = new SlaClock(tenant.calendar(), tenant.sla());
        this.lifecycle = lifecycle;
    }

    /** The district's SLA clock. */
    public SlaClock sla() {
        return sla;
    }

    /**
     * Takes step {@code cmd} on {@code c} at {@code now}.
     *
     * @throws org.gongzhi.core.casework.IllegalTransitionException if the case's status does not allow the action
     * @throws org.gongzhi.core.service.StepRefusedException          if a plugin guard refused it
     * @throws ValidationException                                    naming the field the action lacks or has wrong
     */
    public StepOutcome apply(CaseRecord c, TransitionCommand cmd, Instant now, StepHooks hooks) {
        CaseAction action = Objects.requireNonNull(cmd.action(), "action");
        CaseStatus from = c.state().status();
        CaseStatus to = lifecycle.apply(from, action);
        hooks.guard(c, action);
        String publicNote = CaseIntake.publicNote(cmd.publicNote());
        Draft d = new Draft(c.state());
        List<DispatchOrder> dispatches = List.of();
        switch (action) {
            case REGISTER -> register(c, d, cmd, now, hooks);
            case DISPATCH -> dispatches = dispatch(c, d, cmd, now);
            case RETURN -> {
                requireNote(cmd, "退回须说明原因 (a return needs a reason)");
                d.leadDepartment = null;
                d.coDepartments = List.of();
            }
            case FEEDBACK -> {
                requireNote(cmd, "反馈须填写处置结果 (feedback needs the handling result)");
                d.feedbackAt = now;
            }
            case VERIFY_FAIL -> {
                requireNote(cmd, "核查不通过须说明原因 (a failed check needs a reason)");
                if (CaseLifecycle.isRework(from, action)) {
                    d.reworkCount++;
                }
            }
            case POSTPONE -> postpone(d, cmd);
            case CLOSE -> {
                d.closedAt = now;
                d.closedOnTime = d.dueAt == null || !now.isAfter(d.dueAt);
            }
            case EVALUATE -> evaluate(d, cmd);
            case REOPEN -> {
                requireNote(cmd, "重新打开须说明原因 (reopening needs a reason)");
                d.reopenCount++;
                d.closedAt = null;
                d.closedOnTime = null;
                d.satisfaction = null;
            }
            case REJECT -> requireNote(cmd, "不予立案须说明原因 (a rejection needs a reason)");
            case PROGRESS -> requireSomeNote(cmd, "进展说明须填写内容 (a progress note needs text)");
            case COMMENT -> requireSomeNote(cmd, "备注须填写内容 (a comment needs text in note or publicNote)");
            default -> {
                // accept, verify-pass, resume: the status change is all
            }
        }
        d.status = to;
        JournalRecord journal = new JournalRecord(action, from, to, actor(cmd.actor()), now,
                takeOverNote(cmd.actor(), cmd.note()), publicNote, cmd.attachments());
        return new StepOutcome(c, c.with(d.state()), journal, dispatches, action == CaseAction.RETURN);
    }

    /**
     * The journaled note: a city actor's step is marked {@link TransitionCommand#TAKE_OVER}, before its
     * own note if it has one (the note was already checked, so the mark never stands in for a required reason).
     */
    static String takeOverNote(String actor, String note) {
        if (actor == null || !actor.startsWith(TransitionCommand.CITY_ACTOR_PREFIX)) {
            return note;
        }
        String mark = TransitionCommand.TAKE_OVER;
        return note == null || note.isBlank() ? mark : mark + "：" + note;
    }

    /** The journal's actor: {@code anonymous} when nobody was named. */
    public static String actor(String actor) {
        return actor == null || actor.isBlank() ? "anonymous" : actor;
    }

    private void register(CaseRecord c, Draft d, TransitionCommand cmd, Instant now, StepHooks hooks) {
        OperatingMode mode = hooks.mode(); // the clock starts now
        Optional<Triage> triage = cmd.tier() == null ? hooks.triage(c) : Optional.empty();
        triage.ifPresent(t -> record(d, t));
        ResponsibilityList list = hooks.responsibilities();
        d.proposal = Routing.propose(tenant, list, c, triage).orElse(null);
        Optional<SlaTier> listTier = list.route(c.report().categoryCode(), c.report().gridPath())
                .map(Responsibility::tier);
        d.registeredAt = now;
        if (cmd.tier() != null) {
            d.tier = cmd.tier();
            d.dueAt = sla.dueAt(cmd.tier(), now);
        } else if (triage.isPresent()) {
            TriageDecision t = triage.get().decision();
            d.tier = SlaTier.fromWireName(t.tier()).orElseThrow(() ->
                    new IllegalStateException("a triage policy returned an unknown tier: " + t.tier()));
            d.dueAt = t.dueHours() > 0
                    ? tenant.calendar().dueAfterHours(now, Duration.ofHours(t.dueHours()))
                    : sla.dueAt(t.dueWorkingDays(), now);
        } else {
            d.tier = listTier.orElse(d.tier);
            d.dueAt = sla.dueAt(d.tier, now);
        }
        d.wartime = mode == OperatingMode.WARTIME;
        if (d.wartime) {
            Instant planned = tenant.calendar().dueAfterHours(now, tenant.emergency().limit(d.tier));
            if (planned.isBefore(d.dueAt)) {
                d.dueAt = planned;
            }
        }
        d.warningAt = sla.warningAt(now, d.dueAt);
    }

    /** Records which plugin triaged the case and what it asked to show. */
    private static void record(Draft d, Triage t) {
        t.decision().attributes().forEach((k, v) -> {
            if (k.length() > Triage.MAX_ATTRIBUTE_LENGTH || v.length() > Triage.MAX_ATTRIBUTE_LENGTH) {
                throw new IllegalStateException("model " + t.model() + " returned an attribute over "
                        + Triage.MAX_ATTRIBUTE_LENGTH + " characters: " + k);
            }
        });
        d.triageModel = t.model();
        d.triageAttributes = t.decision().attributes();
        d.triageCopyCompetent = t.decision().copyToCompetentDepartment();
    }

    private List<DispatchOrder> dispatch(CaseRecord c, Draft d, TransitionCommand cmd, Instant now) {
        String lead = cmd.leadDepartment();
        List<String> named = cmd.coDepartments();
        if ((lead == null || lead.isBlank()) && d.proposal != null) {
            lead = d.proposal.leadDepartment();
            named = named.isEmpty() ? d.proposal.coDepartments() : named;
        }
        if (lead == null || lead.isBlank()) {
            throw new ValidationException("leadDepartment", "派遣须指定牵头部门 (dispatch needs a lead department)");
        }
        requireDepartment("leadDepartment", lead);
        Set<String> co = new LinkedHashSet<>();
        for (String dept : named) {
            requireDepartment("coDepartments", dept);
            if (dept.equals(lead)) {
                throw new ValidationException("coDepartments", "协办部门不能与牵头部门相同 (co-handling department equals the lead): " + dept);
            }
            co.add(dept);
        }
        String chosen = lead;
        if (d.triageCopyCompetent) {
            competentDepartment(c).filter(dept -> !dept.equals(chosen)).ifPresent(co::add);
        }
        d.leadDepartment = chosen;
        d.coDepartments = new ArrayList<>(co);
        d.dispatchedAt = now;
        List<DispatchOrder> orders = new ArrayList<>();
        orders.add(new DispatchOrder(chosen, true));
        co.forEach(dept -> orders.add(new DispatchOrder(dept, false)));
        return orders;
    }

    /** The district department competent for the case's category (同步抄送 of the triage). */
    private Optional<String> competentDepartment(CaseRecord c) {
        return tenant.category(c.report().categoryCode())
                .flatMap(cd -> tenant.departmentsOfKind(cd.departmentKind()).stream().findFirst())
                .map(DepartmentDefinition::code);
    }

    private void postpone(Draft d, TransitionCommand cmd) {
        requireNote(cmd, "延期须说明原因 (postponement needs a reason)");
        Integer days = cmd.extraWorkingDays();
        if (days == null || days < 1 || days > MAX_EXTRA_WORKING_DAYS) {
            throw new ValidationException("extraWorkingDays",
                    "延期工作日数须在 1–" + MAX_EXTRA_WORKING_DAYS + " 之间 (extraWorkingDays must be 1–" + MAX_EXTRA_WORKING_DAYS + ")");
        }
        d.postponeCount++;
        if (d.dueAt != null) {
            d.dueAt = sla.extend(d.dueAt, days);
            d.warningAt = sla.warningAt(d.registeredAt, d.dueAt);
        }
    }

    private static void evaluate(Draft d, TransitionCommand cmd) {
        Integer s = cmd.satisfaction();
        if (s == null || s < 1 || s > 5) {
            throw new ValidationException("satisfaction", "满意度须为 1–5 (satisfaction must be 1–5)");
        }
        d.satisfaction = s;
    }

    private void requireDepartment(String field, String code) {
        if (tenant.departments().stream().noneMatch(dept -> dept.code().equals(code))) {
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

    /** The loop state while a step changes it (one step's scratch copy, never shared). */
    private static final class Draft {
        CaseStatus status;
        SlaTier tier;
        String leadDepartment;
        List<String> coDepartments;
        Instant registeredAt;
        Instant dispatchedAt;
        Instant feedbackAt;
        Instant closedAt;
        Instant dueAt;
        Instant warningAt;
        Boolean closedOnTime;
        int reworkCount;
        int postponeCount;
        int reopenCount;
        Integer satisfaction;
        String triageModel;
        java.util.Map<String, String> triageAttributes;
        boolean triageCopyCompetent;
        boolean wartime;
        DispatchProposal proposal;

        Draft(LoopState s) {
            status = s.status();
            tier = s.tier();
            leadDepartment = s.leadDepartment();
            coDepartments = s.coDepartments();
            registeredAt = s.registeredAt();
            dispatchedAt = s.dispatchedAt();
            feedbackAt = s.feedbackAt();
            closedAt = s.closedAt();
            dueAt = s.dueAt();
            warningAt = s.warningAt();
            closedOnTime = s.closedOnTime();
            reworkCount = s.reworkCount();
            postponeCount = s.postponeCount();
            reopenCount = s.reopenCount();
            satisfaction = s.satisfaction();
            triageModel = s.triageModel();
            triageAttributes = s.triageAttributes();
            triageCopyCompetent = s.triageCopyCompetent();
            wartime = s.wartime();
            proposal = s.proposal();
        }

        LoopState state() {
            return new LoopState(status, tier, leadDepartment, coDepartments, registeredAt, dispatchedAt, feedbackAt,
                    closedAt, dueAt, warningAt, closedOnTime, reworkCount, postponeCount, reopenCount, satisfaction,
                    triageModel, triageAttributes, triageCopyCompetent, wartime, proposal);
        }
    }
}
