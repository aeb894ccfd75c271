package org.gongzhi.core.service.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * What a {@link KpiBreakdown} groups the cases by. The wire name is the constant name in lower
 * case: {@code grid}, {@code department}, {@code family}, {@code channel}, {@code month}.
 *
 * @since 1.1
 */
public enum KpiDimension {
    /** 网格: the grid the case lies in, rolled up to a chosen level (street, community or grid). */
    GRID,
    /** 牵头部门: the lead department; cases not dispatched form their own group. */
    DEPARTMENT,
    /** 事件大类族: the category family (city management, livelihood, comprehensive governance). */
    FAMILY,
    /** 上报渠道: the intake channel. */
    CHANNEL,
    /** 月份: the month of reporting in the district's time zone, every month of the period. */
    MONTH;

    /** Wire name, e.g. {@code department}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The dimension with this wire name (case and blanks ignored); empty for null or unknown. */
    public static Optional<KpiDimension> fromWireName(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (KpiDimension d : values()) {
            if (d.wireName().equals(wanted)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
