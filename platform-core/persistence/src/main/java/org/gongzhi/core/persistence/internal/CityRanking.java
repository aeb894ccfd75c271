package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gongzhi.core.service.kpi.DistrictRow;
import org.gongzhi.core.service.kpi.KpiFigures;

/**
 * The city roll-up's arithmetic: the ranking of the districts (按期结案率, then 结案率, both
 * descending; ties share a rank, 1-2-2-4) among those with enough cases due to close, and the city
 * total added up from the districts' counts.
 */
final class CityRanking {

    private static final Comparator<KpiFigures> BEST_FIRST =
            Comparator.comparing(KpiFigures::onTimeClosureRate, Comparator.reverseOrder())
                    .thenComparing(KpiFigures::closureRate, Comparator.reverseOrder());

    private CityRanking() {
    }

    /** The rows with ranks: ranked districts first by rank, then the others, each in the order given. */
    static List<DistrictRow> rank(List<DistrictRow> districts, int minCases) {
        long threshold = Math.max(1, minCases);
        List<DistrictRow> eligible = new ArrayList<>();
        List<DistrictRow> others = new ArrayList<>();
        for (DistrictRow d : districts) {
            if (d.figures().dueToClose() >= threshold) {
                eligible.add(d);
            } else {
                String reason = "应结案 " + d.figures().dueToClose() + " 件，少于参与排名所需的 " + threshold
                        + " 件 (" + d.figures().dueToClose() + " cases due to close, fewer than the " + threshold
                        + " needed for a rank)";
                others.add(new DistrictRow(d.tenantId(), d.name(), d.figures(), null, reason));
            }
        }
        eligible.sort(Comparator.comparing(DistrictRow::figures, BEST_FIRST)); // stable: ties keep their order
        List<DistrictRow> out = new ArrayList<>();
        for (int i = 0; i < eligible.size(); i++) {
            DistrictRow d = eligible.get(i);
            int rank = i > 0 && BEST_FIRST.compare(eligible.get(i - 1).figures(), d.figures()) == 0
                    ? out.get(i - 1).rank() : i + 1;
            out.add(new DistrictRow(d.tenantId(), d.name(), d.figures(), rank, null));
        }
        out.addAll(others);
        return out;
    }

    /**
     * The districts' figures added up. Rates are recomputed from the summed counts, means weighted
     * by their denominators (closed cases, evaluations); the 90th percentile cannot be added up and
     * is null.
     */
    static KpiFigures total(Instant from, Instant to, List<DistrictRow> districts) {
        long reported = 0, registered = 0, due = 0, closed = 0, onTime = 0, verified = 0, reworked = 0;
        long postponed = 0, evaluated = 0, town = 0, pending = 0, overdue = 0;
        long reminders = 0, orders = 0, escalations = 0, ordersDue = 0, ordersOnTime = 0;
        double satisfied = 0, satisfactionSum = 0, hoursSum = 0;
        for (DistrictRow d : districts) {
            KpiFigures f = d.figures();
            reported += f.reported();
            registered += f.registered();
            due += f.dueToClose();
            closed += f.closed();
            onTime += f.closedOnTime();
            verified += f.verified();
            reworked += f.reworked();
            postponed += f.postponed();
            evaluated += f.evaluated();
            town += f.resolvedAtTownOrVillage();
            pending += f.pendingNow();
            overdue += f.overdueNow();
            reminders += f.reminders();
            orders += f.supervisionOrders();
            escalations += f.escalations();
            ordersDue += f.supervisionDue();
            ordersOnTime += f.supervisionOnTime();
            satisfied += f.satisfactionRate() == null ? 0 : Math.round(f.satisfactionRate() * f.evaluated());
            satisfactionSum += f.averageSatisfaction() == null ? 0 : f.averageSatisfaction() * f.evaluated();
            hoursSum += f.averageHandlingHours() == null ? 0 : f.averageHandlingHours() * f.closed();
        }
        return new KpiFigures(null, from, to, reported, registered, due, closed, onTime, verified, reworked,
                postponed, evaluated, KpiFigures.rate(closed, due), KpiFigures.rate(onTime, due),
                KpiFigures.rate(reworked, verified), KpiFigures.rate(postponed, registered),
                closed == 0 ? null : hoursSum / closed, null, KpiFigures.rate(Math.round(satisfied), evaluated),
                evaluated == 0 ? null : satisfactionSum / evaluated, town, KpiFigures.rate(town, closed), null,
                pending, overdue).withSupervision(reminders, orders, escalations, ordersDue, ordersOnTime);
    }
}
