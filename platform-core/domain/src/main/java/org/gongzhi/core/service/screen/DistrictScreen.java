package org.gongzhi.core.service.screen;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.gongzhi.core.casework.CategoryFamily;
import org.gongzhi.core.service.events.CaseEvents;
import org.gongzhi.core.service.kpi.KpiFigures;
import org.gongzhi.core.service.kpi.KpiService;

/**
 * What a district's big screen (大屏) shows about its cases, computed by {@link ScreenFigures}. The live
 * parts of a screen (the operating mode, the newest events) come from {@link DistrictModes} and
 * {@link CaseEvents}, not from here. Rates are in [0, 1] and null when their denominator is zero.
 *
 * @param tenant        district id
 * @param name          district name
 * @param generatedAt   the moment the figures describe
 * @param today         today's flow (the district's calendar day)
 * @param open          cases open now (当前在办: not closed, evaluated or rejected), whatever their reporting date
 * @param overdue       open cases past their due time whose clock runs (postponed cases are not overdue)
 * @param warning       open cases whose clock runs, past their warning time and not yet overdue (预警)
 * @param month         the current month's KPI figures
 * @param trend         the last {@value ScreenFigures#TREND_MONTHS} months, oldest first, the current one last
 * @param families      the three category families, in their order
 * @param departments   lead departments with a case reported this month or open now, most open first
 * @param grids         the grids (网格 level) with the highest and lowest closure rate this month
 * @param openByGrid    open cases per grid node, rolled up the tree: every street, community and grid with
 *                      at least one open case located in it or below it, in the tree's order
 * @param dispatchToday report → dispatch of the cases dispatched today
 * @since 1.8
 */
public record DistrictScreen(String tenant, String name, Instant generatedAt, Today today, long open, long overdue,
                             long warning, Month month, List<TrendMonth> trend, List<FamilyRow> families,
                             List<DepartmentRow> departments, Grids grids, Map<String, Long> openByGrid,
                             Dispatch dispatchToday) {

    /** Checks the required components and copies the collections. */
    public DistrictScreen {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(generatedAt, "generatedAt");
        trend = List.copyOf(trend);
        families = List.copyOf(families);
        departments = List.copyOf(departments);
        openByGrid = Collections.unmodifiableMap(new LinkedHashMap<>(openByGrid));
    }

    /**
     * Today's flow: cases reported, dispatched (派遣) and closed (结案) today, whatever their reporting date.
     */
    public record Today(long reported, long dispatched, long closed) {

        /** The days of several districts added up (the city's wall). */
        public static Today sum(List<Today> days) {
            long r = 0, d = 0, c = 0;
            for (Today t : days) {
                r += t.reported;
                d += t.dispatched;
                c += t.closed;
            }
            return new Today(r, d, c);
        }
    }

    /**
     * The current month's KPI figures for the cases reported in it (docs/kpis.md):
     * {@code due} 应结案数, {@code closed} 结案数, {@code closedOnTime} 按期结案数, {@code closureRate} 结案率,
     * {@code onTimeRate} 按期结案率, {@code satisfaction} 平均满意度 (1–5) over the {@code evaluated} cases.
     *
     * @param period the month, {@code yyyy-MM}
     */
    public record Month(String period, long due, long closed, long closedOnTime, Double closureRate, Double onTimeRate,
                        Double satisfaction, long evaluated) {

        /**
         * The months of several districts added up: counts summed, rates recomputed from the sums,
         * satisfaction weighted by the evaluated cases (as the city KPIs do).
         */
        public static Month sum(String period, List<Month> months) {
            long due = 0, closed = 0, onTime = 0, evaluated = 0;
            double satisfactionSum = 0;
            for (Month m : months) {
                due += m.due;
                closed += m.closed;
                onTime += m.closedOnTime;
                if (m.satisfaction != null) {
                    evaluated += m.evaluated;
                    satisfactionSum += m.satisfaction * m.evaluated;
                }
            }
            return new Month(period, due, closed, onTime, KpiFigures.rate(closed, due), KpiFigures.rate(onTime, due),
                    evaluated == 0 ? null : satisfactionSum / evaluated, evaluated);
        }
    }

    /**
     * One month of the trend: cases reported in it, how many of them are closed, and its closure rate
     * (closed / due to close, as {@link KpiService#breakdown} by month answers).
     *
     * @param month {@code yyyy-MM}
     */
    public record TrendMonth(String month, long reported, long closed, Double closureRate) {
    }

    /**
     * A category family: cases reported this month, and open now whatever their reporting date.
     */
    public record FamilyRow(CategoryFamily family, long reported, long open) {
    }

    /**
     * A lead department: its cases open and overdue now, and its on-time closure rate (按期结案率) this month.
     *
     * @param code department code
     * @param name department name from the district's definition (the code if it is no longer defined)
     */
    public record DepartmentRow(String code, String name, long open, long overdue, Double onTimeRate) {
    }

    /**
     * A grid's closure this month (cases located in it or in its buildings).
     *
     * @param due    应结案数 this month
     * @param closed 结案数 this month
     */
    public record GridRow(String code, String name, Double closureRate, long closed, long due) {
    }

    /**
     * The grids with a case due this month, ranked by closure rate: {@code top} the highest first,
     * {@code bottom} the lowest first (ties: more cases due first, then the tree's order); at most
     * {@value ScreenFigures#RANKED_GRIDS} each, no grid in both.
     */
    public record Grids(List<GridRow> top, List<GridRow> bottom) {

        /** Copies the lists. */
        public Grids {
            top = List.copyOf(top);
            bottom = List.copyOf(bottom);
        }
    }

    /**
     * Report → dispatch (上报 → 派遣) of the cases dispatched today: how many, the median and the 90th
     * percentile of the delay (PostgreSQL {@code percentile_cont}, whole seconds; null when none was
     * dispatched), the target and how many met it.
     */
    public record Dispatch(long count, Long medianSeconds, Long p90Seconds, long targetSeconds, long withinTarget) {
    }
}
