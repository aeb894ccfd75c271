package org.gongzhi.core.persistence.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.gongzhi.core.casework.CaseAction;
import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.core.service.tenants.TenantDirectory;
import org.gongzhi.core.tenant.TenantDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the steps of a {@link HistoryPlanner} plan through the real case service, with a clock set
 * to each step's time: the journal, the SLA clock, the counters, the KPIs and the plugins' listeners
 * see the history as if it had happened. Dispatches are written as settled at their time
 * ({@link CaseSteps.Outbox#SETTLED}) and announced to nobody, so no department system hears of them.
 *
 * <p>Two passes: first every case is reported and registered (or rejected), then, once the
 * plugins' listeners have seen all of that, the rest of each case's steps are taken. A step that a
 * plugin's guard refuses (a model's own step is missing, e.g. a consultation record) ends that
 * case's history there; the case waits, as it would for a person.
 */
final class HistoryWriter {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    private static final Set<CaseAction> FIRST_PASS = Set.of(CaseAction.REGISTER, CaseAction.REJECT);

    /** What was written: cases, steps, cases a guard held, cases that failed, statuses now. */
    record Result(int cases, int steps, int held, int failed, Map<CaseStatus, Integer> statuses, Duration took) {
    }

    private final Database db;
    private final TenantDirectory tenants;
    private final PluginHooks hooks;
    private final BooleanSupplier stopping;

    HistoryWriter(Database db, TenantDirectory tenants, PluginHooks hooks, BooleanSupplier stopping) {
        this.db = db;
        this.tenants = tenants;
        this.hooks = hooks;
        this.stopping = stopping;
    }

    Result write(TenantDefinition tenant, List<HistoryPlanner.PlannedCase> plan) throws InterruptedException {
        long started = System.nanoTime();
        HistoryClock clock = new HistoryClock(Instant.EPOCH);
        HibernateCaseService cases = new HibernateCaseService(db.withAsynchronousCommit(), tenants, hooks, new DispatchSignals(), clock,
                CaseSteps.Outbox.SETTLED);
        UUID[] ids = new UUID[plan.size()];
        int[] next = new int[plan.size()];
        boolean[] done = new boolean[plan.size()];
        int steps = 0;
        int held = 0;
        int failed = 0;
        Map<CaseStatus, Integer> statuses = new EnumMap<>(CaseStatus.class);
        for (int i = 0; i < plan.size() && !stopping.getAsBoolean(); i++) {
            HistoryPlanner.PlannedCase c = plan.get(i);
            try {
                clock.set(c.reportedAt());
                ids[i] = cases.report(tenant.id(), c.report(), c.reporter()).kase().id();
                while (next[i] < c.steps().size() && FIRST_PASS.contains(c.steps().get(next[i]).action())) {
                    take(cases, clock, tenant, ids[i], c.steps().get(next[i]));
                    next[i]++;
                    steps++;
                }
            } catch (RuntimeException e) {
                failed += fail(tenant, i, e);
                done[i] = true;
            }
        }
        if (!hooks.awaitPublished(Duration.ofMinutes(5))) {
            LOG.warn("Demo history of {}: plugin listeners still busy after 5 minutes; going on", tenant.id());
        }
        for (int i = 0; i < plan.size() && !stopping.getAsBoolean(); i++) {
            HistoryPlanner.PlannedCase c = plan.get(i);
            if (ids[i] == null || done[i]) {
                continue;
            }
            try {
                for (; next[i] < c.steps().size(); next[i]++) {
                    take(cases, clock, tenant, ids[i], c.steps().get(next[i]));
                    steps++;
                }
            } catch (StepRefusedException e) {
                held++;
            } catch (RuntimeException e) {
                failed += fail(tenant, i, e);
            }
            statuses.merge(status(c, next[i]), 1, Integer::sum);
        }
        return new Result((int) java.util.Arrays.stream(ids).filter(java.util.Objects::nonNull).count(), steps, held,
                failed, statuses, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void take(HibernateCaseService cases, HistoryClock clock, TenantDefinition tenant, UUID id,
                             HistoryPlanner.Step step) {
        clock.set(step.at());
        cases.transition(tenant.id(), id, step.command());
    }

    /** The status after the first {@code taken} steps. */
    private static CaseStatus status(HistoryPlanner.PlannedCase c, int taken) {
        return new HistoryPlanner.PlannedCase(c.reportedAt(), c.report(), c.reporter(), c.steps().subList(0, taken))
                .status();
    }

    private static int fail(TenantDefinition tenant, int index, RuntimeException e) {
        // the message names fields and codes, never the invented reporter
        LOG.warn("Demo history of {}: case {} of the plan failed: {}", tenant.id(), index, e.toString());
        return 1;
    }
}
