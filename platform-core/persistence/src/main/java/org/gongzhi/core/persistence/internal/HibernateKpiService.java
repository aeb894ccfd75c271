package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;

import org.gongzhi.core.casework.CaseStatus;
import org.gongzhi.core.service.KpiFigures;
import org.gongzhi.core.service.KpiService;
import org.gongzhi.core.service.TenantDirectory;
import org.gongzhi.core.service.ValidationException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** KPIs aggregated by the database in one pass over the period's cases (see {@link KpiFigures}). */
@Component(service = KpiService.class)
public final class HibernateKpiService implements KpiService {

    private static final String PERIOD_FIGURES = """
            select count(*),
                   count(c.registeredAt),
                   sum(case when c.registeredAt is not null and c.status <> :rejected and c.status <> :postponed
                             and (c.closedAt is not null or c.dueAt < :now) then 1 else 0 end),
                   count(c.closedAt),
                   sum(case when c.closedAt is not null and c.closedOnTime = true then 1 else 0 end),
                   count(c.feedbackAt),
                   sum(case when c.reworkCount > 0 then 1 else 0 end),
                   sum(case when c.postponeCount > 0 then 1 else 0 end),
                   count(c.satisfaction),
                   sum(case when c.satisfaction >= 4 then 1 else 0 end),
                   avg(c.satisfaction),
                   avg(case when c.closedAt is not null then (c.closedAt - c.registeredAt) by second end)
            from CaseEntity c
            where c.reportedAt >= :from and c.reportedAt < :to""";

    private static final String NOW_FIGURES = """
            select sum(case when c.status not in (:done) then 1 else 0 end),
                   sum(case when c.status not in (:notRunning) and c.dueAt < :now then 1 else 0 end)
            from CaseEntity c""";

    private final Database db;
    private final TenantDirectory tenants;
    private final Clock clock;

    @Activate
    public HibernateKpiService(@Reference PersistenceRuntime runtime, @Reference TenantDirectory tenants) {
        this(runtime.database(), tenants, Clock.systemUTC());
    }

    HibernateKpiService(Database db, TenantDirectory tenants, Clock clock) {
        this.db = db;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public KpiFigures figures(String tenantId, Instant from, Instant to) {
        tenants.require(tenantId);
        if (!from.isBefore(to)) {
            throw new ValidationException("from", "统计起点须早于终点 (from must be before to)");
        }
        Instant now = clock.instant();
        return db.inTenant(tenantId, s -> {
            Object[] p = s.createSelectionQuery(PERIOD_FIGURES, Object[].class)
                    .setParameter("rejected", CaseStatus.REJECTED)
                    .setParameter("postponed", CaseStatus.POSTPONED)
                    .setParameter("now", now).setParameter("from", from).setParameter("to", to)
                    .getSingleResult();
            Object[] n = s.createSelectionQuery(NOW_FIGURES, Object[].class)
                    .setParameterList("done", java.util.List.of(CaseStatus.CLOSED, CaseStatus.EVALUATED, CaseStatus.REJECTED))
                    .setParameterList("notRunning", CaseFilter.NOT_RUNNING)
                    .setParameter("now", now)
                    .getSingleResult();
            long reported = num(p[0]);
            long registered = num(p[1]);
            long due = num(p[2]);
            long closed = num(p[3]);
            long onTime = num(p[4]);
            long verified = num(p[5]);
            long reworked = num(p[6]);
            long postponed = num(p[7]);
            long evaluated = num(p[8]);
            long satisfied = num(p[9]);
            Double avgSatisfaction = p[10] == null ? null : ((Number) p[10]).doubleValue();
            Double avgHours = p[11] == null ? null : ((Number) p[11]).doubleValue() / 3600.0;
            return new KpiFigures(tenantId, from, to, reported, registered, due, closed, onTime, verified, reworked,
                    postponed, evaluated, rate(closed, due), rate(onTime, due), rate(reworked, verified), avgHours,
                    rate(satisfied, evaluated), avgSatisfaction, num(n[0]), num(n[1]));
        });
    }

    private static long num(Object o) {
        return o == null ? 0L : ((Number) o).longValue();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
