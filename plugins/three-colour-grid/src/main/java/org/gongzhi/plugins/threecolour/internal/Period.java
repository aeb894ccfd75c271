package org.gongzhi.plugins.threecolour.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;

/**
 * An assessment period of the Jizhou rhythm 一月一调度、一季一督查、半年一通报: a month
 * ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a half-year ({@code 2026-H2}).
 *
 * @param text   the canonical text, e.g. {@code 2026-Q4}
 * @param first  first month of the period
 * @param months number of months: 1, 3 or 6
 * @param rhythm the meeting the period serves: 月度调度, 季度督查 or 半年通报
 */
record Period(String text, YearMonth first, int months, String rhythm) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final int MIN_YEAR = 2000;
    private static final int MAX_YEAR = 2099;

    /**
     * Parses a period.
     *
     * @param field the query parameter, named by the exception
     * @throws InvalidInputException for a missing or malformed period
     */
    static Period parse(String field, String value) {
        String v = Check.required(field, value, 10).toUpperCase(Locale.ROOT);
        Matcher m;
        if ((m = MONTH.matcher(v)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return new Period(v, YearMonth.of(year(field, m, value), month), 1, "月度调度");
            }
        } else if ((m = QUARTER.matcher(v)).matches()) {
            int q = Integer.parseInt(m.group(2));
            return new Period(v, YearMonth.of(year(field, m, value), 3 * q - 2), 3, "季度督查");
        } else if ((m = HALF.matcher(v)).matches()) {
            int h = Integer.parseInt(m.group(2));
            return new Period(v, YearMonth.of(year(field, m, value), 6 * h - 5), 6, "半年通报");
        }
        throw malformed(field, value);
    }

    /**
     * The whole months a report period {@code [from, to)} of the core's report producer touches: from
     * the month of {@code from} to the month of the day before {@code to}. The tallies are monthly, so
     * a period that does not run from the first of a month to the first of a month is widened to whole
     * months ({@link #wholeMonths} tells). A month, an aligned quarter or half-year gets the text and
     * rhythm {@link #parse} would give it.
     *
     * @throws IllegalArgumentException when {@code to} is not after {@code from}
     */
    static Period covering(LocalDate from, LocalDate to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an empty period: [" + from + ", " + to + ")");
        }
        YearMonth first = YearMonth.from(from);
        YearMonth last = YearMonth.from(to.minusDays(1));
        int months = (int) first.until(last, ChronoUnit.MONTHS) + 1;
        int m = first.getMonthValue();
        if (months == 1) {
            return new Period(first.toString(), first, 1, "月度调度");
        }
        if (months == 3 && m % 3 == 1) {
            return new Period(first.getYear() + "-Q" + (m / 3 + 1), first, 3, "季度督查");
        }
        if (months == 6 && (m == 1 || m == 7)) {
            return new Period(first.getYear() + "-H" + (m == 1 ? 1 : 2), first, 6, "半年通报");
        }
        return new Period(first + ".." + last, first, months, "专项统计");
    }

    /** Whether {@code [from, to)} is made of whole months, as the monthly tallies count. */
    static boolean wholeMonths(LocalDate from, LocalDate to) {
        return from.getDayOfMonth() == 1 && to.getDayOfMonth() == 1;
    }

    /** The period as a report names it: 2026年11月, 2026年第四季度, 2026年下半年, 2026年10月至2027年2月. */
    String labelZh() {
        YearMonth last = first.plusMonths(months - 1L);
        int m = first.getMonthValue();
        if (months == 1) {
            return first.getYear() + "年" + m + "月";
        }
        if (months == 3 && m % 3 == 1) {
            return first.getYear() + "年第" + "一二三四".charAt(m / 3) + "季度";
        }
        if (months == 6 && (m == 1 || m == 7)) {
            return first.getYear() + (m == 1 ? "年上半年" : "年下半年");
        }
        return first.getYear() + "年" + m + "月至" + last.getYear() + "年" + last.getMonthValue() + "月";
    }

    /** The months of the period, in order. */
    List<YearMonth> monthList() {
        List<YearMonth> list = new ArrayList<>(months);
        for (int i = 0; i < months; i++) {
            list.add(first.plusMonths(i));
        }
        return list;
    }

    private static int year(String field, Matcher m, String value) {
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw malformed(field, value);
        }
        return year;
    }

    private static InvalidInputException malformed(String field, String value) {
        return new InvalidInputException(field, "考核期须为月 2026-11、季度 2026-Q4 或半年 2026-H2 "
                + "(period must be a month 2026-11, a quarter 2026-Q4 or a half-year 2026-H2): " + value);
    }
}
