package org.gongzhi.itests;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo callers of the hostile-input tests: one demo user per role and district (tenants/*&#47;
 * people.yaml), the city administrator, and the department systems' service accounts
 * ({@code dept:<district>/<code>}), and which one to use for an operation.
 */
final class Callers {

    static final Map<String, String> PREFIX = Map.of("donghu", "dh", "jizhou", "jz", "jiangbei", "jb");
    /** role → the demo user's name without its district prefix. */
    private static final Map<String, String> USER_OF_ROLE = Map.of("district-admin", "admin",
            "dispatcher", "dispatcher", "grid-worker", "grid1", "department-handler", "cg",
            "mediator", "mediator", "social-worker", "social", "resident", "resident1");
    /** The order in which a caller for an operation is chosen among its roles. */
    private static final List<String> PREFERENCE = List.of("district-admin", "city-admin", "dispatcher",
            "department-handler", "grid-worker", "mediator", "social-worker", "resident");

    /** The phone of the resident who calls the resident page's operations in the hostile-input run. */
    static final String RESIDENT_PHONE = "13700000001";
    /** Where residents sign in (set by the test that booted the platform). */
    static volatile Residents residents;

    private Callers() {
    }

    /** The demo user of {@code role} in {@code district} ({@code city-admin} for the city). */
    static String user(String district, String role) {
        return role.equals("city-admin") ? "city-admin" : PREFIX.get(district) + "-" + USER_OF_ROLE.get(role);
    }

    /** Every demo user of {@code district}, one per role. */
    static List<String> districtUsers(String district) {
        return OpenApi.DISTRICT_ROLES.stream().sorted().map(role -> user(district, role)).toList();
    }

    /**
     * Who calls {@code op} of {@code district} in the hostile-input run: the department system for a
     * department's updates, else the first of {@link #PREFERENCE} the operation allows; null when the
     * operation needs no token.
     */
    static String forOperation(OpenApi.Operation op, String district, String department) {
        if (op.residentToken()) {
            return resident(district, RESIDENT_PHONE);
        }
        if (op.path().contains("/departments/{department}/")) {
            return "dept:" + district + "/" + department;
        }
        Set<String> roles = op.roles();
        if (op.path().startsWith("/api/v1/city/")) {
            return "city-admin";
        }
        return PREFERENCE.stream().filter(roles::contains).findFirst().map(role -> user(district, role)).orElse(null);
    }

    /** The resident page's caller with {@code phone} in {@code district}: {@code resident:<district>/<phone>}. */
    static String resident(String district, String phone) {
        return "resident:" + district + "/" + phone;
    }

    /**
     * A bearer token of {@code caller}: a demo user, {@code dept:<district>/<code>}, or a resident of the
     * resident page {@code resident:<district>/<phone>} (signed in with a code read from the SMS simulator,
     * needs {@link #residents}).
     */
    static String token(String caller) {
        if (caller.startsWith("resident:")) {
            String district = caller.substring(9, caller.indexOf('/'));
            return residents.token(district, caller.substring(caller.indexOf('/') + 1));
        }
        if (caller.startsWith("dept:")) {
            String district = caller.substring(5, caller.indexOf('/'));
            String code = caller.substring(caller.indexOf('/') + 1).toLowerCase();
            return Tokens.ofDepartment(district, "dept-" + code, "demo-" + district + "-" + code + "-secret");
        }
        return Tokens.of(caller);
    }
}
