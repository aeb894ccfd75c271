package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.service.ConflictException;
import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.people.AssignCommand;
import org.gongzhi.core.service.people.Assigned;
import org.gongzhi.core.service.people.PersonFigures;
import org.gongzhi.core.service.people.Workload;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * Assigning cases to people on a real PostgreSQL (V25, ADR 0035): assign and reassign with their journal
 * entries and notices, the rules' refusals, the "mine" filter, a return dropping a department's assignee,
 * reminders reaching the assignee, the workload per person and the ranking of the top-ten awards. Jizhou's
 * demo people: jz-cg and jz-cg2 handle for 城管 (CG), jz-ga for 公安 (GA), jz-grid1 works grid
 * 360802001001001, jz-gridlead the community 360802001001 above it.
 */
public class AssignmentTest {

    @Rule
    public final PersistenceFixture fix = new PersistenceFixture();

    private static final String T = "jizhou";
    private static final String GRID = "360802001001001";
    /** Monday 2026-11-02 09:00 Shanghai; a coordination case registered then is due 2026-11-09 24:00. */
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

    private HibernatePeopleService people;
    private KpiCases cases;

    @Before
    public void setUp() {
        fix.clock.set(T0);
        people = new HibernatePeopleService(fix.db, fix.tenants, fix.clock);
        cases = new KpiCases(fix, T);
    }

    @Test
    public void aCaseIsAssignedThenReassignedWithAReasonEachJournaledAndTold() {
        UUID id = cases.handling(T0, "路灯不亮", "CM0101", "hotline", GRID, "CG");
        long version = fix.cases.get(T, id).version();

        Assigned first = people.assign(T, id, new AssignCommand("jz-cg", null, "jz-dispatcher", version), null);
        assertThat(first.previous()).isNull();
        assertThat(first.kase().assignee()).isEqualTo("jz-cg");
        assertThat(first.kase().version()).isEqualTo(version + 1);
        JournalEntry assigned = last(id);
        assertThat(assigned.action()).isEqualTo(CaseAction.COMMENT);
        assertThat(assigned.actor()).isEqualTo("jz-dispatcher");
        assertThat(assigned.note()).isEqualTo("指派承办人：郭建军（jz-cg）");

        assertThatThrownBy(() -> people.assign(T, id, new AssignCommand("jz-cg2", " ", "jz-cg", null), null))
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "reason");
        Assigned second = people.assign(T, id, new AssignCommand("jz-cg2", "郭建军休假", "jz-cg", null), null);
        assertThat(second.reassigned()).isTrue();
        assertThat(second.previous()).isEqualTo("jz-cg");
        assertThat(second.kase().assignee()).isEqualTo("jz-cg2");
        assertThat(last(id).note()).isEqualTo("改派承办人：郭建军（jz-cg） → 尹志强（jz-cg2），原因：郭建军休假");
        assertThat(fix.cases.get(T, id).assignee()).isEqualTo("jz-cg2");

        assertThat(rows("select destination from notification_outbox where tenant_id = 'jizhou'"
                + " and event = 'case.assigned' and channel = 'INBOX' order by 1"))
                .as("each new assignee is told once").containsExactly("jz-cg", "jz-cg2");
        assertThat(rows("select body from notification_outbox where tenant_id = 'jizhou' and event = 'case.assigned'"
                + " and channel = 'INBOX' and destination = 'jz-cg2'")).singleElement().asString()
                .contains(first.kase().number()).contains("由您承办").doesNotContain("路灯不亮");
        assertThat(rows("select destination || ': ' || body from notification_outbox where tenant_id = 'jizhou'"
                + " and event = 'case.reassigned.away' and channel = 'INBOX'"))
                .as("the person the case was taken from is told who holds it now, once")
                .singleElement().asString().startsWith("jz-cg: ").contains(first.kase().number())
                .contains("已改由 尹志强（jz-cg2） 承办").contains("郭建军休假");
    }

    @Test
    public void theRulesRefuseNamingTheFieldOrTheConflict() {
        UUID reported = cases.report(T0, "井盖缺失", "CM0101", "hotline", GRID);
        assertThatThrownBy(() -> assign(reported, "jz-grid1", null))
                .as("not registered").isInstanceOf(ConflictException.class);

        UUID id = cases.handling(T0, "井盖缺失", "CM0101", "hotline", GRID, "CG");
        assertThatThrownBy(() -> assign(id, " ", null)).hasFieldOrPropertyWithValue("field", "assignee");
        assertThatThrownBy(() -> assign(id, "jz-ga", null)).as("public security does not lead this case")
                .isInstanceOf(ValidationException.class).hasFieldOrPropertyWithValue("field", "assignee");
        assertThatThrownBy(() -> assign(id, "jz-grid2", null)).as("works other grids")
                .hasFieldOrPropertyWithValue("field", "assignee");
        assertThatThrownBy(() -> assign(id, "nobody-here", null)).hasFieldOrPropertyWithValue("field", "assignee");
        assertThatThrownBy(() -> assign(id, "jz-cg", "x".repeat(AssignCommand.MAX_REASON + 1)))
                .hasFieldOrPropertyWithValue("field", "reason");
        assertThatThrownBy(() -> people.assign(T, id, new AssignCommand("jz-cg", null, "d", 0L), null))
                .as("stale version").isInstanceOf(ConflictException.class);

        assign(id, "jz-gridlead", null);
        assertThatThrownBy(() -> assign(id, "jz-gridlead", "again")).isInstanceOf(ConflictException.class)
                .hasFieldOrPropertyWithValue("field", "assignee");
        assertThat(fix.cases.journal(T, id)).filteredOn(j -> j.action() == CaseAction.COMMENT).hasSize(1);

        cases.close(T0.plusSeconds(3600), id);
        assertThatThrownBy(() -> assign(id, "jz-cg", "结案后")).as("closed").isInstanceOf(ConflictException.class);
        assertThat(fix.cases.get(T, id).assignee()).as("kept after closing").isEqualTo("jz-gridlead");
    }

    @Test
    public void theCandidatesAreTheLeadDepartmentsHandlersAndTheGridsWorkers() {
        UUID id = cases.handling(T0, "占道经营", "CM0101", "hotline", GRID, "CG");
        assertThat(people.candidates(T, id)).extracting(p -> p.username(), p -> p.role())
                .containsExactly(tuple("jz-cg", "department-handler"), tuple("jz-cg2", "department-handler"),
                        tuple("jz-grid1", "grid-worker"), tuple("jz-gridlead", "grid-worker"));
    }

    @Test
    public void aPersonsListFiltersByAssigneeAndAReturnDropsTheDepartmentsAssignee() {
        UUID mine = cases.handling(T0, "垃圾堆放", "CM0101", "hotline", GRID, "CG");
        UUID other = cases.handling(T0, "垃圾堆放", "CM0101", "hotline", GRID, "CG");
        UUID grid = cases.handling(T0, "垃圾堆放", "CM0101", "hotline", GRID, "CG");
        assign(mine, "jz-cg", null);
        assign(other, "jz-cg2", null);
        assign(grid, "jz-grid1", null);

        assertThat(fix.cases.list(T, CaseQuery.builder().assignee("jz-cg").build()).items())
                .extracting(CaseView::id).containsExactly(mine);

        cases.step(T0.plusSeconds(60), mine, CaseAction.RETURN);
        cases.step(T0.plusSeconds(60), grid, CaseAction.RETURN);
        assertThat(fix.cases.get(T, mine).assignee()).as("the department no longer holds it").isNull();
        assertThat(fix.cases.get(T, grid).assignee()).as("the grid still does").isEqualTo("jz-grid1");
        assertThat(fix.cases.list(T, CaseQuery.builder().assignee("jz-cg").build()).items()).isEmpty();
    }

    @Test
    public void aReminderReachesTheAssignee() {
        UUID id = cases.handling(T0, "路面破损", "CM0101", "hotline", GRID, "CG");
        assign(id, "jz-gridlead", null);
        CaseView c = fix.cases.get(T, id);
        fix.clock.set(c.warningAt());
        new HibernateSupervisionService(fix.db, fix.tenants, fix.clock).sweep(c.warningAt(), 100);

        assertThat(rows("select distinct destination from notification_outbox where tenant_id = 'jizhou'"
                + " and event = 'supervision.reminder.warning' and channel = 'INBOX' order by 1"))
                .as("the assignee besides the department, the grid's worker and the dispatchers")
                .contains("jz-gridlead", "jz-cg", "jz-grid1", "jz-dispatcher");
    }

    @Test
    public void workloadAndTheRankingCountWhatEachPersonHeld() {
        UUID a = cases.handling(T0, "a", "CM0101", "hotline", GRID, "CG");
        UUID b = cases.handling(T0, "b", "CM0101", "hotline", GRID, "CG");
        UUID c = cases.handling(T0, "c", "CM0101", "hotline", GRID, "CG");
        UUID d = cases.handling(T0, "d", "CM0101", "hotline", GRID, "CG");
        Instant later = Instant.parse("2026-11-19T01:00:00Z");
        UUID e = cases.handling(later, "e", "CM0101", "hotline", GRID, "CG");
        fix.clock.set(T0);
        assign(a, "jz-cg", null);
        assign(b, "jz-cg", null);
        assign(c, "jz-cg2", null);
        assign(d, "jz-cg2", null);
        fix.clock.set(later);
        assign(e, "jz-gridlead", null);

        cases.close(T0.plusSeconds(86_400), a); // on time
        cases.evaluate(T0.plusSeconds(90_000), a, 5);
        cases.close(Instant.parse("2026-11-12T02:00:00Z"), b); // after the due time
        cases.evaluate(Instant.parse("2026-11-12T03:00:00Z"), b, 3);
        cases.close(T0.plusSeconds(2 * 86_400), c);
        fix.clock.set(Instant.parse("2026-11-20T02:00:00Z"));

        assertThat(people.workload(T)).extracting(w -> w.person().username(), Workload::open, Workload::overdue,
                        Workload::closedThisMonth)
                .contains(tuple("jz-cg", 0L, 0L, 2L), tuple("jz-cg2", 1L, 1L, 1L), tuple("jz-gridlead", 1L, 0L, 0L),
                        tuple("jz-grid1", 0L, 0L, 0L));
        assertThat(people.workload(T)).extracting(w -> w.person().username())
                .as("only people who hold cases").doesNotContain("jz-dispatcher", "jz-resident1");

        Instant from = Instant.parse("2026-10-31T16:00:00Z");
        Instant to = Instant.parse("2026-11-30T16:00:00Z");
        List<PersonFigures> ranking = people.ranking(T, from, to, null);
        assertThat(ranking).extracting(PersonFigures::rank, f -> f.person().username(), PersonFigures::closed,
                        PersonFigures::closedOnTime, PersonFigures::onTimeRate, PersonFigures::evaluated,
                        PersonFigures::satisfaction)
                .startsWith(tuple(1, "jz-cg", 2L, 1L, 0.5, 2L, 4.0), tuple(2, "jz-cg2", 1L, 1L, 1.0, 0L, null),
                        tuple(3, "jz-ga", 0L, 0L, null, 0L, null));
        assertThat(people.ranking(T, from, to, "grid-worker")).extracting(f -> f.person().username())
                .containsExactly("jz-grid1", "jz-grid2", "jz-gridlead");
        assertThat(people.ranking(T, Instant.parse("2026-11-12T00:00:00Z"), to, null).get(0))
                .as("only what closed in the period").extracting(PersonFigures::closed).isEqualTo(1L);
        assertThatThrownBy(() -> people.ranking(T, to, from, null)).hasFieldOrPropertyWithValue("field", "from");
        assertThatThrownBy(() -> people.ranking(T, from, to, "resident")).hasFieldOrPropertyWithValue("field", "role");
    }

    private Assigned assign(UUID id, String who, String reason) {
        return people.assign(T, id, new AssignCommand(who, reason, "jz-dispatcher", null), null);
    }

    private JournalEntry last(UUID id) {
        List<JournalEntry> j = fix.cases.journal(T, id);
        return j.get(j.size() - 1);
    }

    private List<String> rows(String sql) {
        return fix.db.inTenant(T, s -> s.createNativeQuery(sql, String.class).getResultList());
    }
}
