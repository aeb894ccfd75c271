package org.gongzhi.plugins.threecolour.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.InvalidInputException;

/** Input checks of the REST resources; each failure names the field (messages zh-CN first). */
final class Check {

    /** Grid codes: letters, digits, {@code _} and {@code -} (no {@code :}, which separates record ids). */
    static final Pattern GRID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** Roster member ids chosen by the district. */
    static final Pattern MEMBER = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    /** Department codes of departments.yaml, e.g. {@code GA}, {@code XFJ}. */
    static final Pattern DEPARTMENT = Pattern.compile("[A-Z][A-Z0-9]{0,19}");
    /** Department kinds, e.g. {@code CITY_MANAGEMENT}. */
    static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{1,39}");
    private static final Pattern PHONE = Pattern.compile("[0-9+][0-9 -]{2,19}");

    private Check() {
    }

    static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填项 (required): " + field);
        }
        return length(field, value.trim(), max);
    }

    /** The trimmed value, or null when absent or blank. */
    static String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : length(field, value.trim(), max);
    }

    static String matching(String field, String value, Pattern pattern) {
        String v = required(field, value, 100);
        if (!pattern.matcher(v).matches()) {
            throw new InvalidInputException(field, "格式不正确 (malformed " + field + "): " + v);
        }
        return v;
    }

    static String grid(String field, String value) {
        return matching(field, value, GRID);
    }

    static String phone(String field, String value) {
        String v = optional(field, value, 20);
        if (v != null && !PHONE.matcher(v).matches()) {
            throw new InvalidInputException(field, "电话号码格式不正确 (malformed phone number): " + v);
        }
        return v;
    }

    /** A case or whistle id: a UUID, returned in canonical lower-case form. */
    static String uuid(String field, String value) {
        String v = required(field, value, 36);
        try {
            UUID parsed = UUID.fromString(v);
            if (parsed.toString().equalsIgnoreCase(v)) {
                return parsed.toString();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidInputException(field, field + " 须为 UUID (must be a UUID): " + v);
    }

    static LocalDate date(String field, String value) {
        String v = required(field, value, 10);
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式须为 yyyy-MM-dd (date must be yyyy-MM-dd): " + v);
        }
    }

    /** Distinct department codes, in the given order; null counts as none. */
    static List<String> departments(String field, List<String> codes, int max) {
        if (codes == null) {
            return List.of();
        }
        if (codes.size() > max) {
            throw new InvalidInputException(field, "最多 " + max + " 个部门 (at most " + max + " departments)");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String c : codes) {
            if (!seen.add(matching(field, c, DEPARTMENT))) {
                throw new InvalidInputException(field, "部门重复 (department listed twice): " + c);
            }
        }
        return new ArrayList<>(seen);
    }

    static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, field + " 须为 " + min + "–" + max + " 之间的整数 (must be an integer "
                + min + "–" + max + "): " + value);
    }

    private static String length(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidInputException(field, "超过 " + max + " 个字符 (longer than " + max + " characters): " + field);
        }
        return value;
    }
}
