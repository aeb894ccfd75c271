package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.cases.CaseQuery;
import org.gongzhi.core.service.cases.CaseView;
import org.gongzhi.core.service.cases.JournalEntry;
import org.gongzhi.core.service.dispatch.DispatchState;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.tenant.TenantDefinition;
import org.junit.ClassRule;
import org.junit.Test;

/** The demo history written through the real case service on PostgreSQL. */
public class HistoryWriterTest {

    @ClassRule
    public static final PersistenceFixture FIX = new PersistenceFixture();

    /** Size of the timed run; {@code -Dhistory.size=2000} measures the default size. */
    static final int SIZE = Integer.getInteger("history.size", 100);

    static final Instant NOW = Instant.now();
    static final Map<String, List<HistoryPlanner.PlannedCase>> PLANS = new java.util.TreeMap<>();
    static final Map<String, HistoryWriter.Result> RESULTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The three demo districts side by side, as {@link DemoHistory} writes them. */
    @org.junit.BeforeClass
    public static void writeTheDemoDistricts() throws Exception {
        FIX.clock.set(NOW);
        for (String id : List.of("jizhou", "donghu", "jiangbei")) {
            TenantDefinition t = FIX.tenants.require(id);
            PLANS.put(id, new HistoryPlanner(t, HistoryPlanner.seedOf(id, 2026)).plan(NOW, 6, SIZE));
        }
        long started = System.nanoTime();
        List<Thread> writers = new java.util.ArrayList<>();
        for (String id : PLANS.keySet()) {
            Thread w = new Thread(() -> {
                try {
                    RESULTS.put(id, new HistoryWriter(FIX.db, FIX.tenants, FIX.hooks, () -> false)
                            .write(FIX.tenants.require(id), PLANS.get(id)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            w.start();
            writers.add(w);
        }
        for (Thread w : writers) {
            w.join();
        }
        System.out.printf("demo history of %d districts in %d ms%n", PLANS.size(), (System.nanoTime() - started) / 1_000_000);
        RESULTS.forEach((id, r) -> System.out.printf("demo history of %s: %d cases, %d steps in %d ms; %s%n", id, r.cases(),
                r.steps(), r.took().toMillis(), r.statuses()));
    }

    @Test
    public void everyDistrictGetsItsWholePlan() {
        assertThat(RESULTS).containsOnlyKeys("jizhou", "donghu", "jiangbei");
        RESULTS.forEach((id, r) -> {
            List<HistoryPlanner.PlannedCase> plan = PLANS.get(id);
            assertThat(r.failed()).isZero();
            assertThat(r.held()).isZero(); // no plugins in this fixture
            assertThat(r.cases()).isEqualTo(plan.size());
            assertThat(r.statuses()).isEqualTo(HistoryPlannerTest.count(plan));
            assertThat(FIX.cases.list(id, query(null, null)).total()).isEqualTo(plan.size());
        });
    }

    @Test
    public void theHistoryIsWrittenThroughTheCaseServiceAndNothingIsLeftToDeliver() throws Exception {
        TenantDefinition t = FIX.tenants.require("jiangbei");
        Instant now = NOW;
        List<HistoryPlanner.PlannedCase> plan = PLANS.get(t.id());
        HistoryWriter.Result r = RESULTS.get(t.id());
        assertThat(r.steps()).isEqualTo(plan.stream().mapToInt(c -> c.steps().size()).sum());

        // a closed case: every step journaled at its planned time, in the past; numbered by its report day
        HistoryPlanner.PlannedCase planned = plan.stream().filter(c -> c.status() == CaseStatus.EVALUATED).findFirst()
                .orElseThrow();
        CaseView closed = FIX.cases.list(t.id(), query(CaseStatus.EVALUATED, planned.reportedAt())).items().get(0);
        assertThat(closed.number()).contains("-" + LocalDate.ofInstant(planned.reportedAt(), ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.BASIC_ISO_DATE) + "-");
        List<JournalEntry> journal = FIX.cases.journal(t.id(), closed.id());
        assertThat(journal).hasSize(planned.steps().size() + 1);
        assertThat(journal.get(0).at()).isEqualTo(planned.reportedAt());
        for (int i = 0; i < planned.steps().size(); i++) {
            assertThat(journal.get(i + 1).at()).isEqualTo(planned.steps().get(i).at());
            assertThat(journal.get(i + 1).action()).isEqualTo(planned.steps().get(i).action());
        }
        assertThat(closed.satisfaction()).isNotNull();
        assertThat(closed.closedAt()).isBefore(now);

        // dispatches were settled at their time: none pending, none delivered now
        var dispatches = FIX.outbox.list(t.id(), null, 0, 100_000).items();
        assertThat(dispatches).isNotEmpty();
        assertThat(dispatches).allSatisfy(d -> {
            assertThat(d.state()).isIn(DispatchState.DELIVERED, DispatchState.UNROUTED);
            assertThat(d.createdAt()).isBefore(now);
        });
        assertThat(dispatches).anySatisfy(d -> assertThat(d.state()).isEqualTo(DispatchState.DELIVERED));
        assertThat(FIX.outbox.claimDue("test-node", 100, java.time.Duration.ofMinutes(1))).isEmpty();

        KpiFigures kpis = FIX.kpis.figures(t.id(), now.minus(200, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS));
        System.out.println("KPIs: " + kpis);
        assertThat(kpis.closed()).isPositive();
        assertThat(plan.stream().anyMatch(c -> HistoryPlannerTest.has(c, CaseAction.VERIFY_FAIL))).isTrue();
    }

    private static CaseQuery query(CaseStatus status, Instant reportedAt) {
        return new CaseQuery(status, null, null, null, null, null, reportedAt,
                reportedAt == null ? null : reportedAt.plusMillis(1), 0, 1);
    }
}
