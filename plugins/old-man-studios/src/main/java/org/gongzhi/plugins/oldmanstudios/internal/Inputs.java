package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/** Checks of request fields; every refusal is a 400 naming the field (zh-CN first). */
final class Inputs {

    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]{4,19}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Inputs() {
    }

    /** A required text, trimmed, at most {@code max} characters. */
    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw Problems.required(field);
        }
        return optionalText(field, value, max);
    }

    /** An optional text, trimmed; null when absent or blank. */
    static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw Problems.invalid(field, "长度不能超过" + max + "个字符", "at most " + max + " characters");
        }
        return trimmed;
    }

    /** A telephone number (mobile or landline, digits with optional +, blanks and dashes); null when absent and optional. */
    static String phone(String field, String value, boolean required) {
        String text = required ? text(field, value, 20) : optionalText(field, value, 20);
        if (text != null && !PHONE.matcher(text).matches()) {
            throw Problems.invalid(field, "电话号码格式有误", "malformed phone number");
        }
        return text;
    }

    /** A required day, {@code yyyy-MM-dd}. */
    static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.required(field);
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalid(field, "日期格式应为 yyyy-MM-dd", "a date must look like 2026-03-01");
        }
    }

    /** A day that is neither before {@code earliest} (when not null) nor after {@code today}. */
    static LocalDate dateBetween(String field, String value, LocalDate earliest, LocalDate today) {
        LocalDate day = date(field, value);
        if (day.isAfter(today)) {
            throw Problems.invalid(field, "日期不能晚于今天", "the date cannot be in the future");
        }
        if (earliest != null && day.isBefore(earliest)) {
            throw Problems.invalid(field, "日期不能早于" + earliest, "the date cannot be before " + earliest);
        }
        return day;
    }

    /** A required value of an enumeration, by wire name. */
    static <E extends Enum<E> & Labelled> E choice(String field, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.required(field);
        }
        return Labelled.parse(type, value).orElseThrow(() -> Problems.invalid(field,
                "取值无效，可选：" + Labelled.choices(type), "unknown value, use one of " + Labelled.choices(type)));
    }

    /** A list of at least {@code min} and at most {@code max} elements; null counts as empty. */
    static <T> List<T> list(String field, List<T> value, int min, int max) {
        List<T> list = value == null ? List.of() : value;
        if (list.size() < min) {
            throw min == 1 ? Problems.required(field)
                    : Problems.invalid(field, "至少需要" + min + "项", "at least " + min + " entries");
        }
        if (list.size() > max) {
            throw Problems.invalid(field, "不能超过" + max + "项", "at most " + max + " entries");
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw Problems.required(field + "[" + i + "]");
            }
        }
        return list;
    }

    /** A whole number between {@code min} and {@code max}, or null when optional and absent. */
    static Long number(String field, Long value, long min, long max, boolean required) {
        if (value == null) {
            if (required) {
                throw Problems.required(field);
            }
            return null;
        }
        if (value < min || value > max) {
            throw Problems.invalid(field, "取值应在" + min + "到" + max + "之间", "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A case id: a UUID, or null when absent. */
    static String caseId(String field, String value) {
        String text = optionalText(field, value, 36);
        if (text != null && !UUID.matcher(text).matches()) {
            throw Problems.invalid(field, "案件编号应为 UUID", "a case id is a UUID");
        }
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }
}
