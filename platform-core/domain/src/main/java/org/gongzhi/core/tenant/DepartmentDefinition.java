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
 * @param clientSecret secret of the department system's identity client, {@code null} to let the
 *               identity server generate one; set only in demo data
 * @param connector how dispatches reach the department's own system, {@code null} when the
 *               department works in the platform itself
 * @throws IllegalArgumentException naming the field when a value is invalid
 */
public record DepartmentDefinition(String code, String name, String nameEn, String kind, String clientSecret,
                                   ConnectorDefinition connector) {

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

    /** A department whose system gets a generated secret and has no connector. */
    public DepartmentDefinition(String code, String name, String nameEn, String kind) {
        this(code, name, nameEn, kind, null, null);
    }

    /** The identity client id of the department's system, e.g. {@code dept-cg}. */
    public String clientId() {
        return "dept-" + code.toLowerCase(java.util.Locale.ROOT);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "DepartmentDefinition[" + code + " " + name + " " + kind + "]";
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }
}
