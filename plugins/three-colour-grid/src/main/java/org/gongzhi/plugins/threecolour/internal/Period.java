package org.gongzhi.plugins.threecolour.internal;

import java.time.YearMonth;
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
