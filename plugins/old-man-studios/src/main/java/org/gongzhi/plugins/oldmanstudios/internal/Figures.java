package org.gongzhi.plugins.oldmanstudios.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 调解成效: success rate (调解成功率 = agreements / disputes with an outcome) and mean and median
 * time to agreement in days (from registration to the agreement's date). A dispute counts with its
 * first outcome — agreement, else failure, else escalation — on that outcome's day, for the studio
 * or organisation it was assigned to.
 */
final class Figures {

    /** The first outcome of a dispute. */
    enum Outcome { AGREED, FAILED, ESCALATED }

    /** One dispute with an outcome, as the figures see it. */
    record Row(String unitKind, String unitId, LocalDate outcomeDate, Outcome outcome, Long daysToAgreement) {
    }

    /**
     * Figures of a set of disputes; {@code successRate} (4 decimals) and the day figures (2 decimals)
     * are null when there is nothing to measure.
     */
    record Summary(long withOutcome, long agreements, long failed, long escalated, Double successRate,
                   Double meanDaysToAgreement, Double medianDaysToAgreement) {

        Map<String, Object> toMap() {
            return Records.of("disputesWithOutcome", withOutcome, "agreements", agreements, "failed", failed,
                    "escalated", escalated, "successRate", successRate, "meanDaysToAgreement", meanDaysToAgreement,
                    "medianDaysToAgreement", medianDaysToAgreement);
        }
    }

    private Figures() {
    }

    /** The row of a dispute's data; empty while the dispute has no outcome. */
    static Optional<Row> rowOf(Map<String, Object> data) {
        Map<String, Object> agreement = Records.map(data, "agreement");
        Map<String, Object> failure = Records.map(data, "failure");
        List<Map<String, Object>> escalations = Records.maps(data, "escalations");
        Map<String, Object> assignee = Records.map(data, "assignee");
        Outcome outcome;
        Map<String, Object> first;
        if (agreement != null) {
            outcome = Outcome.AGREED;
            first = agreement;
        } else if (failure != null) {
            outcome = Outcome.FAILED;
            first = failure;
        } else if (!escalations.isEmpty()) {
            outcome = Outcome.ESCALATED;
            first = escalations.get(0);
        } else {
            return Optional.empty();
        }
        LocalDate day = LocalDate.parse(Records.str(first, "date"));
        Long days = outcome == Outcome.AGREED
                ? day.toEpochDay() - LocalDate.parse(Records.str(data, "registeredOn")).toEpochDay() : null;
        return Optional.of(new Row(assignee == null ? null : Records.str(assignee, "kind"),
                assignee == null ? null : Records.str(assignee, "id"), day, outcome, days));
    }

    /** Whether the row's outcome falls in {@code [from, to]} (both days included). */
    static boolean within(Row row, LocalDate from, LocalDate to) {
        return !row.outcomeDate().isBefore(from) && !row.outcomeDate().isAfter(to);
    }

    static Summary summarise(Collection<Row> rows) {
        long agreements = 0;
        long failed = 0;
        long escalated = 0;
        List<Long> days = new ArrayList<>();
        for (Row row : rows) {
            switch (row.outcome()) {
                case AGREED -> {
                    agreements++;
                    days.add(row.daysToAgreement());
                }
                case FAILED -> failed++;
                case ESCALATED -> escalated++;
            }
        }
        long total = rows.size();
        Double rate = total == 0 ? null : round((double) agreements / total, 4);
        Double mean = days.isEmpty() ? null : round(days.stream().mapToLong(Long::longValue).average().orElseThrow(), 2);
        return new Summary(total, agreements, failed, escalated, rate, mean, median(days));
    }

    /** Median of whole days: the middle value, or the mean of the two middle values; null for none. */
    static Double median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double middle = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return round(middle, 2);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
