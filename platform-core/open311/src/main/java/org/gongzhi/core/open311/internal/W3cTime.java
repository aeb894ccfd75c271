package org.gongzhi.core.open311.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Date-times as GeoReport v2 writes them: the W3C profile of ISO 8601 with the offset always
 * present, e.g. {@code 2026-11-22T16:04:03+08:00}, in the district's time zone.
 */
final class W3cTime {

    /** The span a query may cover and the default span (the most recent 90 days). */
    static final Duration MAX_SPAN = Duration.ofDays(90);

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private W3cTime() {
    }

    /** {@code null} for {@code null}. */
    static String format(Instant at, ZoneId zone) {
        return at == null ? null : OUT.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /**
     * Parses a parameter: a full date-time with offset ({@code 2010-01-01T00:00:00Z}, seconds
     * optional) or a date ({@code 2010-01-01}, midnight in {@code zone}); {@code null} when blank.
     *
     * @throws Open311Exception 400 naming the parameter otherwise
     */
    static Instant parse(String parameter, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(v, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw Open311Exception.badRequest(parameter + " must be a w3c datetime with a time zone, e.g. "
                    + "2010-01-01T00:00:00Z (" + parameter + " 须为带时区的 W3C 日期时间): " + v);
        }
    }

    /**
     * The inclusive range of a query: both ends given, one end and 90 days from it, or the most
     * recent 90 days.
     *
     * @throws Open311Exception 400 when the end precedes the start or the span exceeds 90 days
     */
    static Range range(String start, String end, ZoneId zone, Instant now) {
        Instant from = parse("start_date", start, zone);
        Instant to = parse("end_date", end, zone);
        if (from == null && to == null) {
            to = now;
        }
        if (from == null) {
            from = to.minus(MAX_SPAN);
        } else if (to == null) {
            to = from.plus(MAX_SPAN);
        }
        if (to.isBefore(from)) {
            throw Open311Exception.badRequest("end_date must not be before start_date (end_date 不能早于 start_date)");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw Open311Exception.badRequest("start_date and end_date may not span more than 90 days "
                    + "(查询时间范围不能超过 90 天)");
        }
        return new Range(from, to);
    }

    /** Both ends included. */
    record Range(Instant from, Instant to) {
        boolean contains(Instant at) {
            return !at.isBefore(from) && !at.isAfter(to);
        }
    }
}
