package org.gongzhi.core.reports.internal;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The span a report covers, in the district's calendar: a month {@code 2026-11}, a quarter
 * {@code 2026-Q4} or a half-year {@code 2026-H2}; {@code from} inclusive, {@code to} exclusive.
 */
record ReportPeriod(ReportKind kind, int year, int number) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final String[] CHINESE = {"一", "二", "三", "四"};

    /** Parses the period text of {@code kind}; empty when it does not fit. */
    static Optional<ReportPeriod> parse(ReportKind kind, String text) {
        Pattern pattern = switch (kind) {
            case MONTHLY -> MONTH;
            case QUARTERLY -> QUARTER;
            case HALF_YEAR -> HALF;
        };
        Matcher m = text == null ? null : pattern.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        if (year < 2000 || year > 2100 || kind == ReportKind.MONTHLY && (number < 1 || number > 12)) {
            return Optional.empty();
        }
        return Optional.of(new ReportPeriod(kind, year, number));
    }

    /** The last complete period of {@code kind} before {@code today} (what a scheduled run reports on). */
    static ReportPeriod previous(ReportKind kind, LocalDate today) {
        LocalDate start = LocalDate.of(today.getYear(), 1, 1)
                .plusMonths((today.getMonthValue() - 1) / kind.months() * kind.months())
                .minusMonths(kind.months());
        return new ReportPeriod(kind, start.getYear(), (start.getMonthValue() - 1) / kind.months() + 1);
    }

    LocalDate from() {
        return LocalDate.of(year, 1, 1).plusMonths((long) (number - 1) * kind.months());
    }

    LocalDate to() {
        return from().plusMonths(kind.months());
    }

    /** {@code 2026-11}, {@code 2026-Q4}, {@code 2026-H2}. */
    String text() {
        return switch (kind) {
            case MONTHLY -> String.format("%d-%02d", year, number);
            case QUARTERLY -> year + "-Q" + number;
            case HALF_YEAR -> year + "-H" + number;
        };
    }

    /** {@code 2026年11月}, {@code 2026年第四季度}, {@code 2026年下半年}. */
    String labelZh() {
        return switch (kind) {
            case MONTHLY -> year + "年" + number + "月";
            case QUARTERLY -> year + "年第" + CHINESE[number - 1] + "季度";
            case HALF_YEAR -> year + "年" + (number == 1 ? "上" : "下") + "半年";
        };
    }
}
