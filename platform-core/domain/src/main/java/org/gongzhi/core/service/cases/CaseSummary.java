package org.gongzhi.core.service.cases;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.gongzhi.core.casework.CaseStatus;

/**
 * The counts of a dispatcher's inbox (调度台角标) over the open cases a query matches, its statuses
 * aside: how many are in each status of the loop, and of those whose clock runs how many are
 * overdue, past their warning time, or due within the window. Closed, evaluated and rejected cases
 * are not counted (the KPIs count them).
 *
 * @param at             when the counts were taken (the "now" of overdue and due soon)
 * @param byStatus       matching open cases per status ({@link CaseStatus#isOpen()}); every open status
 *                       is present, with 0 when none
 * @param open           all matching open cases
 * @param overdue        matching cases whose clock runs and whose due time has passed (超期)
 * @param warning        matching cases whose clock runs, past their warning time and not yet due (预警)
 * @param dueSoon        matching cases whose clock runs and that fall due within {@code dueWithinHours} (即将超期)
 * @param dueWithinHours the window of {@code dueSoon}, in hours
 * @since 1.5
 */
public record CaseSummary(Instant at, Map<CaseStatus, Long> byStatus, long open, long overdue,
                          long warning, long dueSoon, int dueWithinHours) {

    /** Default window of {@link #dueSoon}: one day. */
    public static final int DEFAULT_DUE_WITHIN_HOURS = 24;

    public CaseSummary {
        Map<CaseStatus, Long> all = new EnumMap<>(CaseStatus.class);
        for (CaseStatus s : CaseStatus.values()) {
            if (s.isOpen()) {
                all.put(s, byStatus == null ? 0L : byStatus.getOrDefault(s, 0L));
            }
        }
        byStatus = java.util.Collections.unmodifiableMap(all);
    }
}
