package org.gongzhi.plugins.threelinked.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * 工作统计 of a period, per community and for the district. Aggregates only: no resident's name or
 * phone ever appears here.
 *
 * @param communities   one row per community with any figure in the period, by community code
 * @param total         the district total (its average rating is over all ratings, not of the rows)
 * @param socialWorkers certified social workers whose certificate dates from the period's last day or earlier
 */
public record Figures(String period, LocalDate from, LocalDate to, List<Row> communities, Row total,
                      Workers socialWorkers) {

    /**
     * @param needsCollected  needs collected in the period (收集需求)
     * @param needsMatched    needs whose order was taken in the period (供需对接)
     * @param ordersDelivered orders delivered in the period (专业服务)
     * @param beneficiaries   people served by those orders (受益人次)
     * @param ratings         ratings given in the period
     * @param averageRating   their mean, two decimals; absent when there were none
     * @param facilitiesLent  facility loans running on at least one day of the period (提供设施)
     * @param facilitiesAreaM2 floor area of those loans
     */
    public record Row(String community, int needsCollected, int needsMatched, int ordersDelivered, int beneficiaries,
               int ratings, Double averageRating, int facilitiesLent, double facilitiesAreaM2) {
    }

    /** Certified social workers by level (社会工作职业资格). */
    public record Workers(int assistant, int intermediate, int senior, int total) {
    }

    static Figures compute(Period period, List<Need> needs, List<ServiceOrder> orders, List<FacilityLoan> loans,
                           List<SocialWorker> workers) {
        Map<String, Tally> rows = new TreeMap<>();
        Tally total = new Tally();
        for (Need n : needs) {
            if (period.contains(n.collectedAt())) {
                tally(rows, total, n.community(), t -> t.collected++);
            }
            if (period.contains(n.reached(NeedStatus.MATCHED))) {
                tally(rows, total, n.community(), t -> t.matched++);
            }
        }
        for (ServiceOrder o : orders) {
            if (period.contains(o.deliveredAt())) {
                tally(rows, total, o.community(), t -> {
                    t.delivered++;
                    t.beneficiaries += o.beneficiaries();
                });
            }
            if (o.rating() != null && period.contains(o.rating().at())) {
                tally(rows, total, o.community(), t -> {
                    t.ratings++;
                    t.scoreSum += o.rating().score();
                });
            }
        }
        for (FacilityLoan l : loans) {
            if (period.overlaps(l.from(), l.to())) {
                tally(rows, total, l.community(), t -> {
                    t.loans++;
                    t.area += l.areaM2();
                });
            }
        }
        List<Row> list = rows.entrySet().stream().map(e -> e.getValue().row(e.getKey())).toList();
        return new Figures(period.label(), period.firstDay(), period.lastDay(), list, total.row(null),
                workers(workers, period.lastDay()));
    }

    private static Workers workers(List<SocialWorker> workers, LocalDate until) {
        int[] byLevel = new int[CertificateLevel.values().length];
        for (SocialWorker w : workers) {
            if (!w.certifiedOn().isAfter(until)) {
                byLevel[Fields.wire(CertificateLevel.class, "level", w.level()).ordinal()]++;
            }
        }
        return new Workers(byLevel[0], byLevel[1], byLevel[2], byLevel[0] + byLevel[1] + byLevel[2]);
    }

    private static void tally(Map<String, Tally> rows, Tally total, String community,
                              java.util.function.Consumer<Tally> add) {
        add.accept(rows.computeIfAbsent(community, c -> new Tally()));
        add.accept(total);
    }

    /** Running sums of one row. */
    private static final class Tally {
        int collected;
        int matched;
        int delivered;
        int beneficiaries;
        int ratings;
        int scoreSum;
        int loans;
        double area;

        Row row(String community) {
            Double average = ratings == 0 ? null : BigDecimal.valueOf(scoreSum)
                    .divide(BigDecimal.valueOf(ratings), 2, RoundingMode.HALF_UP).doubleValue();
            double roundedArea = BigDecimal.valueOf(area).setScale(2, RoundingMode.HALF_UP).doubleValue();
            return new Row(community, collected, matched, delivered, beneficiaries, ratings, average, loans,
                    roundedArea);
        }
    }
}
