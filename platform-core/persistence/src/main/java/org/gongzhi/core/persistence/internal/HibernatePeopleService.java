package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.persistence.OptimisticLockException;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.workflow.CaseWorkflow;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.notify.Notice;
import org.gongzhi.core.service.notify.NoticeRecipient;
import org.gongzhi.core.service.people.AssignCommand;
import org.gongzhi.core.service.people.Assigned;
import org.gongzhi.core.service.people.AssignmentService;
import org.gongzhi.core.service.people.Person;
import org.gongzhi.core.service.people.PersonFigures;
import org.gongzhi.core.service.people.PersonKpis;
import org.gongzhi.core.service.people.Workload;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.CategoryDefinition;
import org.gongzhi.core.tenant.PersonDefinition;
import org.gongzhi.core.tenant.Role;
import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assignment of cases to people and the person-level figures on Hibernate (V25 {@code case_record.assignee},
 * ADR 0035). An assignment changes the row under its optimistic version, journals a {@code COMMENT} entry and
 * notifies the new assignee ({@value #ASSIGNED}) and, on a reassignment, the previous one
 * ({@value #REASSIGNED_AWAY}), in one transaction. Rules: {@link AssignmentRules}.
 */
@Component(service = {AssignmentService.class, PersonKpis.class})
public final class HibernatePeopleService implements AssignmentService, PersonKpis {

    /** Template key of the notice to a new assignee. */
    static final String ASSIGNED = "case.assigned";
    /** The template key of the notice to the person a reassignment took the case from. */
    static final String REASSIGNED_AWAY = "case.reassigned.away";
    private static final Logger LOG = LoggerFactory.getLogger(HibernatePeopleService.class);
    private static final List<CaseStatus> CLOSED = List.of(CaseStatus.CLOSED, CaseStatus.EVALUATED);
    private static final List<CaseStatus> NOT_OPEN = List.of(CaseStatus.CLOSED, CaseStatus.EVALUATED,
            CaseStatus.REJECTED);

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernatePeopleService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, HibernateCaseService.DATABASE_CLOCK);
    }

    HibernatePeopleService(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public Assigned assign(String tenantId, UUID caseId, AssignCommand cmd, Consumer<CaseView> admit) {
        TenantDefinition t = tenants.require(tenantId);
        Objects.requireNonNull(cmd, "command");
        CaseWorkflow flow = new CaseWorkflow(t);
        Instant now = clock.instant();
        String actor = cmd.actor() == null || cmd.actor().isBlank() ? "system" : cmd.actor();
        Assigned done;
        try {
            done = db.inTenant(tenantId, s -> {
                CaseEntity c = CaseSteps.load(s, caseId);
                if (admit != null) {
                    admit.accept(CaseViews.of(c, flow.sla(), now));
                }
                if (cmd.expectedVersion() != null && cmd.expectedVersion() != c.version) {
                    throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile; expected version "
                            + cmd.expectedVersion() + ", found " + c.version + ")");
                }
                String previous = c.assignee;
                PersonDefinition to = AssignmentRules.check(t, c.status, c.leadDepartment, c.gridCode, previous, cmd);
                c.assignee = to.username();
                c.assignedAt = now;
                SupervisionRows.journal(s, tenantId, c.id, c.status, actor, now,
                        AssignmentRules.note(t, previous, to, cmd.reason()));
                s.flush(); // the version is raised here, so the notice's key and the answer carry the new one
                NoticeRows.enqueue(s, notice(t, c, actor, cmd.reason()), now, t);
                if (previous != null && !previous.equals(c.assignee)) {
                    NoticeRows.enqueue(s, released(t, c, previous, to, cmd.reason()), now, t);
                }
                return new Assigned(CaseViews.of(c, flow.sla(), now), previous);
            });
        } catch (OptimisticLockException | StaleStateException | ConstraintViolationException e) {
            throw new ConflictException("案件已被他人修改，请刷新后重试 (the case changed meanwhile)");
        }
        LOG.info("District {}: case {} {} by {}", tenantId, done.kase().number(),
                done.reassigned() ? "reassigned" : "assigned", actor);
        return done;
    }

    /** The notice to the new assignee: one per assignment (the case's version is in the key). */
    private static Notice notice(TenantDefinition t, CaseEntity c, String actor, String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("category", t.category(c.categoryCode).map(CategoryDefinition::name).orElse(c.categoryCode));
        if (c.dueAt != null) {
            v.put("deadline", SupervisionNotices.when(c.dueAt, t.timeZone()));
        }
        v.put("assignedBy", actor);
        if (reason != null && !reason.isBlank()) {
            v.put("reason", reason.strip());
        }
        return new Notice(t.id(), c.id, c.number, ASSIGNED, "assignment:" + c.id + ":" + c.version,
                List.of(new NoticeRecipient(NoticeRecipient.Kind.PERSON, c.assignee)), v);
    }

    /** The notice to the person the case was taken from: who holds it now and why (one per reassignment). */
    private static Notice released(TenantDefinition t, CaseEntity c, String previous, PersonDefinition to, String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("category", t.category(c.categoryCode).map(CategoryDefinition::name).orElse(c.categoryCode));
        v.put("assignee", AssignmentRules.label(to));
        if (reason != null && !reason.isBlank()) {
            v.put("reason", reason.strip());
        }
        return new Notice(t.id(), c.id, c.number, REASSIGNED_AWAY, "reassignment:" + c.id + ":" + c.version,
                List.of(new NoticeRecipient(NoticeRecipient.Kind.PERSON, previous)), v);
    }

    @Override
    public List<Person> candidates(String tenantId, UUID caseId) {
        TenantDefinition t = tenants.require(tenantId);
        CaseEntity c = db.inTenant(tenantId, s -> CaseSteps.load(s, caseId));
        return AssignmentRules.eligible(t, c.leadDepartment, c.gridCode).stream().map(AssignmentRules::view).toList();
    }

    @Override
    public List<Workload> workload(String tenantId) {
        TenantDefinition t = tenants.require(tenantId);
        Instant now = clock.instant();
        ZoneId zone = t.timeZone();
        Instant monthStart = LocalDate.ofInstant(now, zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
        List<Object[]> rows = db.inTenant(tenantId, s -> s.createSelectionQuery(
                        "select c.assignee,"
                                + " sum(case when c.status not in (:notOpen) then 1 else 0 end),"
                                + " sum(case when c.status in (:running) and c.dueAt < :now then 1 else 0 end),"
                                + " sum(case when c.status in (:closed) and c.closedAt >= :monthStart then 1 else 0 end)"
                                + " from CaseEntity c where c.assignee is not null group by c.assignee", Object[].class)
                .setParameterList("notOpen", NOT_OPEN)
                .setParameterList("running", CaseFilter.RUNNING)
                .setParameterList("closed", CLOSED)
                .setParameter("now", now)
                .setParameter("monthStart", monthStart)
                .getResultList());
        Map<String, long[]> byPerson = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byPerson.put((String) r[0], new long[] {number(r[1]), number(r[2]), number(r[3])});
        }
        List<Workload> out = new ArrayList<>();
        for (Person p : people(t, byPerson.keySet(), null)) {
            long[] n = byPerson.getOrDefault(p.username(), new long[3]);
            out.add(new Workload(p, n[0], n[1], n[2]));
        }
        return out;
    }

    @Override
    public List<PersonFigures> ranking(String tenantId, Instant from, Instant to, String role) {
        TenantDefinition t = tenants.require(tenantId);
        if (from == null || to == null || !from.isBefore(to)) {
            throw new ValidationException("from", "统计起点须早于终点 (from must be before to)");
        }
        if (role != null && !Role.DEPARTMENT_HANDLER.id().equals(role) && !Role.GRID_WORKER.id().equals(role)) {
            throw new ValidationException("role", "role 须为 department-handler 或 grid-worker "
                    + "(must be department-handler or grid-worker): " + role);
        }
        List<Object[]> rows = db.inTenant(tenantId, s -> s.createSelectionQuery(
                        "select c.assignee, count(*), sum(case when c.closedOnTime = true then 1 else 0 end),"
                                + " count(c.satisfaction), avg(c.satisfaction)"
                                + " from CaseEntity c where c.assignee is not null and c.status in (:closed)"
                                + " and c.closedAt >= :from and c.closedAt < :to group by c.assignee", Object[].class)
                .setParameterList("closed", CLOSED)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList());
        Map<String, Object[]> byPerson = new LinkedHashMap<>();
        rows.forEach(r -> byPerson.put((String) r[0], r));
        List<PersonFigures> unranked = new ArrayList<>();
        for (Person p : people(t, byPerson.keySet(), role)) {
            Object[] r = byPerson.get(p.username());
            long closed = r == null ? 0 : number(r[1]);
            long onTime = r == null ? 0 : number(r[2]);
            long rated = r == null ? 0 : number(r[3]);
            Double satisfaction = rated == 0 ? null : ((Number) r[4]).doubleValue();
            unranked.add(new PersonFigures(0, p, closed, onTime, closed == 0 ? null : (double) onTime / closed,
                    rated, satisfaction));
        }
        return rank(unranked);
    }

    /** Most closed first, then the higher on-time rate, then the higher satisfaction, then username; ranks 1…n. */
    static List<PersonFigures> rank(List<PersonFigures> unranked) {
        Comparator<Double> highFirst = Comparator.nullsLast(Comparator.<Double>reverseOrder());
        List<PersonFigures> sorted = unranked.stream()
                .sorted(Comparator.comparingLong(PersonFigures::closed).reversed()
                        .thenComparing(PersonFigures::onTimeRate, highFirst)
                        .thenComparing(PersonFigures::satisfaction, highFirst)
                        .thenComparing(f -> f.person().username()))
                .toList();
        List<PersonFigures> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            PersonFigures f = sorted.get(i);
            out.add(new PersonFigures(i + 1, f.person(), f.closed(), f.closedOnTime(), f.onTimeRate(), f.evaluated(),
                    f.satisfaction()));
        }
        return out;
    }

    /**
     * The people of the district who hold cases (of {@code role}, or both roles), and the usernames found in the
     * data that are not (or no longer) in the definition when no role is asked for; by username.
     */
    private static List<Person> people(TenantDefinition t, Iterable<String> found, String role) {
        Map<String, Person> out = new java.util.TreeMap<>();
        for (PersonDefinition p : t.people()) {
            if (AssignmentRules.handler(p) && (role == null || Role.fromId(role).filter(p::has).isPresent())) {
                out.put(p.username(), AssignmentRules.view(p));
            }
        }
        for (String username : found) {
            if (!out.containsKey(username)) {
                AssignmentRules.person(t, username).ifPresentOrElse(p -> {
                    if (role == null || Role.fromId(role).filter(p::has).isPresent()) {
                        out.put(username, AssignmentRules.view(p));
                    }
                }, () -> {
                    if (role == null) {
                        out.put(username, AssignmentRules.unknown(username));
                    }
                });
            }
        }
        return new ArrayList<>(out.values());
    }

    private static long number(Object n) {
        return n == null ? 0 : ((Number) n).longValue();
    }
}
