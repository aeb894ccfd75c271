package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;

/**
 * A calendar quarter (季度) such as {@code 2026-Q4}, in the tenant's time zone (Asia/Shanghai):
 * the rhythm of the 百姓管家 consultation meetings.
 */
record Quarter(int year, int number) implements Comparable<Quarter> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2099;

    Quarter {
        if (year < MIN_YEAR || year > MAX_YEAR || number < 1 || number > 4) {
            throw new IllegalArgumentException("no such quarter: " + year + "-Q" + number);
        }
    }

    /**
     * Parses {@code yyyy-Qn}.
     *
     * @throws InvalidInputException naming {@code field} when the value is missing or malformed
     */
    static Quarter parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填项 (required): " + field);
        }
        Matcher m = FORMAT.matcher(value.trim());
        if (!m.matches()) {
            throw new InvalidInputException(field,
                    "季度格式应为 yyyy-Qn，例如 2026-Q4 (a quarter looks like 2026-Q4): " + value);
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new InvalidInputException(field,
                    "年份须在 " + MIN_YEAR + "–" + MAX_YEAR + " 之间 (year out of range): " + value);
        }
        return new Quarter(year, Integer.parseInt(m.group(2)));
    }

    /** The quarter an instant falls in, in the tenant's time zone. */
    static Quarter of(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ThreeLinkedModel.ZONE);
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
