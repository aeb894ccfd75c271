package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;

/** Validation of request fields; every failure names the field, zh-CN first, English in brackets. */
final class Fields {

    /** A community's grid code: district (6) + street (3) + community (3) digits. */
    private static final Pattern COMMUNITY = Pattern.compile("\\d{12}");
    /** Mainland mobile number or landline with area code. */
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private Fields() {
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填项 (required): " + field);
        }
        return optionalText(field, value, max);
    }

    /** Trimmed text or null when absent; refused when longer than {@code max}. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, "长度不能超过 " + max + " 个字符 (at most " + max + " characters): " + field);
        }
        return v;
    }

    static String community(String field, String value) {
        String v = text(field, value, 12);
        if (!COMMUNITY.matcher(v).matches()) {
            throw new InvalidInputException(field, "社区网格编码应为 12 位数字 (a community grid code has 12 digits): " + v);
        }
        return v;
    }

    static String phone(String field, String value) {
        String v = optionalText(field, value, 20);
        if (v != null && !PHONE.matcher(v).matches()) {
            throw new InvalidInputException(field, "电话号码格式不正确 (not a phone number): " + v);
        }
        return v;
    }

    static LocalDate date(String field, String value) {
        String v = text(field, value, 10);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式应为 yyyy-MM-dd (a date looks like 2026-10-15): " + v);
        }
    }

    static Instant instant(String field, String value) {
        String v = text(field, value, 40);
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field,
                    "时间格式应为 ISO-8601 (a time looks like 2026-10-15T08:30:00Z): " + v);
        }
    }

    static int integer(String field, Integer value, int min, int max) {
        if (value == null) {
            throw new InvalidInputException(field, "必填项 (required): " + field);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(field,
                    "取值须在 " + min + "–" + max + " 之间 (must be " + min + " to " + max + "): " + value);
        }
        return value;
    }

    /** Parses a query parameter as an integer, {@code fallback} when absent. */
    static int param(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return integer(field, Integer.valueOf(value.trim()), min, max);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "应为整数 (must be an integer): " + value);
        }
    }

    /** An enum constant from its wire name (lower case, {@code -} for {@code _}). */
    static <E extends Enum<E>> E wire(Class<E> type, String field, String value) {
        String v = text(field, value, 40);
        for (E e : type.getEnumConstants()) {
            if (wireName(e).equals(v)) {
                return e;
            }
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            allowed.append(allowed.length() == 0 ? "" : ", ").append(wireName(e));
        }
        throw new InvalidInputException(field, "取值无效 (must be one of " + allowed + "): " + v);
    }

    static String wireName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
