package org.gongzhi.core.tenant;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person with an account in a tenant's identity realm, as listed in the definition's
 * {@code people.yaml} (demo and first administrators; everyone else is managed in Keycloak).
 *
 * @param username   login name, {@code [a-z0-9][a-z0-9._-]{2,63}}
 * @param firstName  given name (名), required (Keycloak refuses password logins without it)
 * @param lastName   family name (姓), required
 * @param email      e-mail address, required
 * @param phone      mobile number, may be {@code null}
 * @param roles      at least one role
 * @param department code of the department the person handles cases for, or {@code null}
 * @param grids      grid codes the person works in (grid workers), possibly empty
 * @param password   initial password, {@code null} for none; for demo data only
 * @throws IllegalArgumentException naming the field when a value is invalid
 */
public record PersonDefinition(String username, String firstName, String lastName, String email, String phone,
                               List<Role> roles, String department, List<String> grids, String password) {

    /** Pattern of user names. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Validates the components and copies the lists. */
    public PersonDefinition {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username must match " + USERNAME + ": "
                    + DepartmentDefinition.quote(username));
        }
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            throw new IllegalArgumentException("firstName and lastName of " + username + " must not be blank");
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            throw new IllegalArgumentException("email of " + username + " is not an e-mail address: "
                    + DepartmentDefinition.quote(email));
        }
        Objects.requireNonNull(roles, "roles");
        roles = List.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("roles of " + username + " must not be empty");
        }
        grids = grids == null ? List.of() : List.copyOf(grids);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "PersonDefinition[" + username + " " + roles + (department == null ? "" : " " + department) + "]";
    }

    /** Whether the person holds the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
