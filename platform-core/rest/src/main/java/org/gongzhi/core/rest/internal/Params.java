package org.gongzhi.core.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;

/** Parses path and query parameters with errors that name the parameter (never 404 or 500). */
final class Params {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private Params() {
    }

    static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " 须为整数 (must be an integer): " + value);
        }
    }

    /** An integer, or null when absent or blank. */
    static Integer optionalInteger(String name, String value) {
        return value == null || value.isBlank() ? null : integer(name, value, 0);
    }

    static Double decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(name, "必填项 (required): " + name);
        }
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, name + " 须为数字 (must be a number): " + value);
        }
    }

    static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new ValidationException(name, name + " 须为 true 或 false (must be true or false): " + value);
        };
    }

    /**
     * Start of the given local date (yyyy-MM-dd, a four-digit year from 0001) in the tenant's
     * zone, or null when absent.
     */
    static Instant dayStart(String name, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (!DATE.matcher(v).matches()) {
                throw new DateTimeParseException("not yyyy-MM-dd", v, 0);
            }
            LocalDate day = LocalDate.parse(v);
            if (day.getYear() < 1) {
                throw new DateTimeParseException("year 0", v, 0);
            }
            return day.atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, name + " 须为日期 yyyy-MM-dd，年份 0001–9999 (must be a date from 0001-01-01 to 9999-12-31): " + value);
        }
    }

    /** A case id; a malformed one cannot name any case, so it is simply not found. */
    static UUID caseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("案件不存在 (no such case): " + value);
        }
    }

    /** A dispatch id; a malformed one cannot name any dispatch, so it is simply not found. */
    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("记录不存在 (no such " + name + "): " + value);
        }
    }
}
