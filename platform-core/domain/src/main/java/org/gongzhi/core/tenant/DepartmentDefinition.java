package org.gongzhi.core.tenant;

import java.util.regex.Pattern;

/**
 * A functional department (职能部门) of a tenant, e.g. {@code GA 东湖公安分局 PUBLIC_SECURITY}.
 *
 * @param code   code unique within the tenant, {@code [A-Za-z0-9_-]{1,32}}
 * @param name   Chinese name
 * @param nameEn English name, may be {@code null}
 * @param kind   kind of department, a free upper-case string {@code [A-Z_]+} such as
 *               {@code PUBLIC_SECURITY}, {@code CITY_MANAGEMENT}, {@code MARKET_SUPERVISION},
 *               {@code SANITATION}, {@code STREET_OFFICE}; categories route to departments by kind
 * @throws IllegalArgumentException naming the field when a value is invalid
 */
public record DepartmentDefinition(String code, String name, String nameEn, String kind) {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    static final Pattern KIND = Pattern.compile("[A-Z_]+");

    /** Validates the components. */
    public DepartmentDefinition {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("code must match " + CODE + ": " + quote(code));
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name of department " + code + " must not be blank");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind of department " + code + " must match [A-Z_]+: " + quote(kind));
        }
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
