package org.gongzhi.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing of single command-line option values (durations, bounded numbers) for our CLI tools;
 * every failure is an {@link IllegalArgumentException} naming the option.
 */
public final class ArgValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    private ArgValues() {
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}; a bare number is seconds. */
    public static Duration duration(String option, String value, Duration min, Duration max) {
        Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(option + ": not a duration (e.g. 500ms, 30s, 2m, 1h): " + value);
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1_000;
        };
        if (millis > max.toMillis() || millis < min.toMillis()) {
            throw new IllegalArgumentException(option + " must be between " + min.toMillis() + " ms and "
                    + max.toMillis() + " ms: " + value);
        }
        return Duration.ofMillis(Math.round(millis));
    }

    /** A duration from zero to seven days. */
    public static Duration duration(String option, String value) {
        return duration(option, value, Duration.ZERO, Duration.ofDays(7));
    }

    /** A fraction from 0 to 1. */
    public static double fraction(String option, String value) {
        return decimal(option, value, 0, 1);
    }

    /** A whole number in [{@code min}, {@code max}]. */
    public static long integer(String option, String value, long min, long max) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a whole number: " + value);
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return n;
    }

    /** A number in [{@code min}, {@code max}]. */
    public static double decimal(String option, String value, double min, double max) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": not a number: " + value);
        }
        if (Double.isNaN(d) || d < min || d > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ": " + value);
        }
        return d;
    }

    /** Human form of a duration for the report: {@code 30 s}, {@code 500 ms}. */
    public static String show(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
