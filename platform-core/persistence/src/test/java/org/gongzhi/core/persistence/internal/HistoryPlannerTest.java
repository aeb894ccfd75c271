package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.calendar.SlaClock;
import org.gongzhi.core.calendar.SlaState;
import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.casework.SlaTier;
import org.gongzhi.core.tenant.TenantDefinition;
import org.gongzhi.core.tenant.TenantDefinitionReader;
import org.junit.BeforeClass;
import org.junit.Test;

/** The demo history's plan, without a database: legality, timing and the mix of outcomes. */
public class HistoryPlannerTest {

    /** A Tuesday, 11:00 in Shanghai. */
    static final Instant WEEKDAY = Instant.parse("2026-12-01T03:00:00Z");
    /** A Sunday, 03:44 in Shanghai (the night the feature was written). */
    static final Instant SUNDAY_NIGHT = Instant.parse("2026-12-05T19:44:00Z");

    static List<TenantDefinition> districts;

    @BeforeClass
    public static void load() {
        districts = new TenantDefinitionReader().readAll(Path.of("../../tenants"));
        assertThat(districts).extracting(TenantDefinition::id).contains("jizhou", "donghu", "jiangbei");
    }

    static List<HistoryPlanner.PlannedCase> plan(TenantDefinition t, Instant now, int size) {
        return new HistoryPlanner(t, HistoryPlanner.seedOf(t.id(), 2026)).plan(now, 6, size);
    }

    @Test
    public void theSameSeedGivesTheSamePastAndDistrictsDiffer() {
        TenantDefinition jizhou = district("jizhou");
        assertThat(plan(jizhou, WEEKDAY, 300)).isEqualTo(plan(jizhou, WEEKDAY, 300));
        assertThat(plan(district("donghu"), WEEKDAY, 300).get(0).reportedAt())
                .isNotEqualTo(plan(jizhou, WEEKDAY, 300).get(0).reportedAt());
    }

    @Test
    public void everyCaseFollowsTheStateMachineInTimeOrderBeforeNow() {
        for (TenantDefinition t : districts) {
            for (Instant now : List.of(WEEKDAY, SUNDAY_NIGHT)) {
                List<HistoryPlanner.PlannedCase> plan = plan(t, now, 2000);
                assertThat(plan.size()).isBetween(2000, 2500);
                assertThat(plan.get(0).reportedAt()).isAfter(now.minus(190, ChronoUnit.DAYS));
                for (HistoryPlanner.PlannedCase c : plan) {
                    c.status(); // throws on an illegal step
                    Instant before = c.reportedAt();
                    assertThat(before).isBefore(now);
                    for (HistoryPlanner.Step s : c.steps()) {
                        assertThat(s.at()).isAfter(before).isBeforeOrEqualTo(now);
                        before = s.at();
                    }
                    assertThat(c.report().reporterName()).satisfiesAnyOf(n -> assertThat(n).isNull(),
                            n -> assertThat(n).endsWith(HistoryTexts.DEMO_MARK));
                    assertThat(c.report().reporterPhone()).satisfiesAnyOf(p -> assertThat(p).isNull(),
                            p -> assertThat(p).startsWith("000-0000-"));
                }
            }
        }
    }

    @Test
    public void outcomesAreMixedLikeAGovernanceCentres() {
        TenantDefinition t = district("donghu");
        List<HistoryPlanner.PlannedCase> plan = plan(t, WEEKDAY, 2000);
        List<HistoryPlanner.PlannedCase> old = plan.stream()
                .filter(c -> c.reportedAt().isBefore(WEEKDAY.minus(45, ChronoUnit.DAYS))).toList();
        Map<CaseStatus, Integer> statuses = count(old);
        double n = old.size();
        assertThat(share(statuses, CaseStatus.REJECTED, n)).isBetween(0.03, 0.08);
        double closed = (statuses.getOrDefault(CaseStatus.CLOSED, 0) + statuses.getOrDefault(CaseStatus.EVALUATED, 0)) / n;
        assertThat(closed).isBetween(0.88, 0.97);
        assertThat(statuses.getOrDefault(CaseStatus.EVALUATED, 0) / (closed * n)).isBetween(0.65, 0.85);
        assertThat(share(plan, CaseAction.VERIFY_FAIL)).isBetween(0.04, 0.12);
        assertThat(share(plan, CaseAction.POSTPONE)).isBetween(0.02, 0.12);
        assertThat(share(plan, CaseAction.RETURN)).isBetween(0.01, 0.06);

        List<Integer> satisfaction = plan.stream().flatMap(c -> c.steps().stream())
                .filter(s -> s.action() == CaseAction.EVALUATE).map(s -> s.command().satisfaction()).toList();
        assertThat(satisfaction.stream().filter(x -> x >= 4).count() / (double) satisfaction.size()).isBetween(0.85, 0.96);
        assertThat(satisfaction).contains(1, 2, 3, 4, 5);

        Set<String> channels = new HashSet<>();
        Set<String> grids = new HashSet<>();
        Set<String> categories = new HashSet<>();
        Set<String> departments = new HashSet<>();
        boolean coHandled = false;
        for (HistoryPlanner.PlannedCase c : plan) {
            channels.add(c.report().channel().wireName());
            grids.add(c.report().gridCode());
            categories.add(c.report().categoryCode());
            for (HistoryPlanner.Step s : c.steps()) {
                if (s.action() == CaseAction.DISPATCH) {
                    departments.add(s.command().leadDepartment());
                    coHandled |= !s.command().coDepartments().isEmpty();
                }
            }
        }
        assertThat(channels).contains("grid-worker", "hotline", "resident-app", "qr-code", "department", "video");
        assertThat(grids).hasSizeGreaterThanOrEqualTo(8);
        assertThat(categories).hasSizeGreaterThan(50);
        assertThat(departments).hasSizeGreaterThan(10);
        assertThat(coHandled).isTrue();
    }

    @Test
    public void simpleMattersAreDoneWithinHoursAndCoordinationWithinDays() {
        TenantDefinition t = district("jizhou");
        SlaClock sla = t.slaClock();
        int simple = 0;
        int simpleOnTime = 0;
        int coordination = 0;
        int coordinationOnTime = 0;
        for (HistoryPlanner.PlannedCase c : plan(t, WEEKDAY, 2000)) {
            Instant registered = at(c, CaseAction.REGISTER);
            Instant closedAt = at(c, CaseAction.CLOSE);
            if (registered == null || closedAt == null || has(c, CaseAction.POSTPONE)) {
                continue;
            }
            SlaTier tier = t.category(c.report().categoryCode()).orElseThrow().tier();
            boolean onTime = !closedAt.isAfter(sla.dueAt(tier, registered));
            if (tier == SlaTier.SIMPLE) {
                simple++;
                simpleOnTime += onTime ? 1 : 0;
            } else if (tier == SlaTier.COORDINATION) {
                coordination++;
                coordinationOnTime += onTime ? 1 : 0;
            }
        }
        System.out.printf("on time: simple %.3f, coordination %.3f%n", simpleOnTime / (double) simple,
                coordinationOnTime / (double) coordination);
        assertThat(simpleOnTime / (double) simple).isBetween(0.80, 0.97);
        assertThat(coordinationOnTime / (double) coordination).isBetween(0.80, 0.97);
    }

    /** What a dispatcher's inbox holds at {@code now}: new, waiting, in handling, overdue and about to be overdue. */
    @Test
    public void theInboxIsNeverEmpty() {
        for (TenantDefinition t : districts) {
            for (Instant now : List.of(WEEKDAY, SUNDAY_NIGHT)) {
                SlaClock sla = t.slaClock();
                Map<CaseStatus, Integer> open = new EnumMap<>(CaseStatus.class);
                Map<SlaState, Integer> states = new EnumMap<>(SlaState.class);
                int soon = 0;
                for (HistoryPlanner.PlannedCase c : plan(t, now, 2000)) {
                    CaseStatus s = c.status();
                    if (!s.isOpen()) {
                        continue;
                    }
                    open.merge(s, 1, Integer::sum);
                    Instant registered = at(c, CaseAction.REGISTER);
                    if (registered != null && !has(c, CaseAction.POSTPONE)) {
                        SlaTier tier = t.category(c.report().categoryCode()).orElseThrow().tier();
                        Instant due = sla.dueAt(tier, registered);
                        SlaState state = sla.state(registered, due, now);
                        states.merge(state, 1, Integer::sum);
                        if (state == SlaState.WARNING
                                || state == SlaState.ON_TIME && due.isBefore(now.plus(48, ChronoUnit.HOURS))) {
                            soon++;
                        }
                    }
                }
                String where = t.id() + " at " + now + ": " + open + " " + states + ", about to be overdue (warning or due within 48 h): " + soon;
                assertThat(open.keySet()).as(where).contains(CaseStatus.REPORTED, CaseStatus.REGISTERED,
                        CaseStatus.DISPATCHED, CaseStatus.HANDLING, CaseStatus.FEEDBACK);
                assertThat(states.getOrDefault(SlaState.OVERDUE, 0)).as(where).isGreaterThanOrEqualTo(5);
                assertThat(soon).as(where).isGreaterThanOrEqualTo(1);
                if (now == WEEKDAY) {
                    assertThat(states.getOrDefault(SlaState.WARNING, 0)).as(where).isGreaterThanOrEqualTo(1);
                    assertThat(soon).as(where).isGreaterThanOrEqualTo(3);
                }
                System.out.println(where);
                assertThat(states.getOrDefault(SlaState.ON_TIME, 0)).as(where).isGreaterThanOrEqualTo(5);
            }
        }
    }

    static TenantDefinition district(String id) {
        return districts.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    static Map<CaseStatus, Integer> count(List<HistoryPlanner.PlannedCase> plan) {
        Map<CaseStatus, Integer> m = new EnumMap<>(CaseStatus.class);
        plan.forEach(c -> m.merge(c.status(), 1, Integer::sum));
        return m;
    }

    static double share(Map<CaseStatus, Integer> statuses, CaseStatus s, double n) {
        return statuses.getOrDefault(s, 0) / n;
    }

    static double share(List<HistoryPlanner.PlannedCase> plan, CaseAction action) {
        return plan.stream().filter(c -> has(c, action)).count() / (double) plan.size();
    }

    static boolean has(HistoryPlanner.PlannedCase c, CaseAction action) {
        return c.steps().stream().anyMatch(s -> s.action() == action);
    }

    static Instant at(HistoryPlanner.PlannedCase c, CaseAction action) {
        return c.steps().stream().filter(s -> s.action() == action).map(HistoryPlanner.Step::at).reduce((a, b) -> b)
                .orElse(null);
    }
}
