package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;

/**
 * A reporting period (统计周期): a year {@code 2026}, a half-year {@code 2026-H2} or a quarter
 * {@code 2026-Q4}, from its first to its last day inclusive, in the tenant's time zone.
 */
record Period(String label, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(H[12]|Q[1-4]))?");

    /** Parses a period; the message names {@code field} and the three accepted shapes. */
    static Period parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填项 (required): " + field);
        }
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidInputException(field,
                    "统计周期应为 2026、2026-H2 或 2026-Q4 (period must be a year, half-year or quarter): " + value);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < Quarter.MIN_YEAR || year > Quarter.MAX_YEAR) {
            throw new InvalidInputException(field,
                    "年份须在 " + Quarter.MIN_YEAR + "–" + Quarter.MAX_YEAR + " 之间 (year out of range): " + value);
        }
        String part = m.group(2);
        if (part == null) {
            return new Period(m.group(0), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        if (part.startsWith("H")) {
            LocalDate first = LocalDate.of(year, part.equals("H1") ? 1 : 7, 1);
            return new Period(m.group(0), first, first.plusMonths(6).minusDays(1));
        }
        Quarter q = Quarter.parse(field, m.group(0));
        return new Period(m.group(0), q.firstDay(), q.lastDay());
    }

    /** Whether an instant falls in the period (tenant time zone); false for null. */
    boolean contains(Instant at) {
        if (at == null) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(at, ThreeLinkedModel.ZONE);
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** Whether the days {@code from}–{@code to} (inclusive) share at least one day with the period. */
    boolean overlaps(LocalDate from, LocalDate to) {
        return !from.isAfter(lastDay) && !to.isBefore(firstDay);
    }
}
