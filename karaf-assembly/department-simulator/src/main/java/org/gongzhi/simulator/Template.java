package org.gongzhi.simulator;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text with {@code {tenant}} and {@code {department}} placeholders (paths, the token URL, client ids and
 * secrets). Tenant and department codes are checked by {@link DispatchReader} to be URL- and file-name-safe
 * ({@code [A-Za-z0-9_-]}), so they are substituted as they are.
 */
final class Template {

    static final Set<String> NAMES = Set.of("tenant", "department");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}/]*)}");

    private final String text;

    private Template(String text) {
        this.text = text;
    }

    /** Checks that {@code text} uses no placeholder other than {@code allowed}. */
    static Template of(String option, String text, Set<String> allowed) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(option + " is empty");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException(option + ": unknown placeholder {" + m.group(1) + "}, allowed are "
                        + allowed.stream().sorted().map(n -> "{" + n + "}").toList() + ": " + text);
            }
        }
        return new Template(text);
    }

    String expand(String tenant, String department) {
        return text.replace("{tenant}", tenant).replace("{department}", department);
    }

    /** The expansion with both codes lower-case, as Keycloak client ids ({@code dept-cg}) are spelt. */
    String expandLowerCase(String tenant, String department) {
        return expand(tenant.toLowerCase(Locale.ROOT), department.toLowerCase(Locale.ROOT));
    }

    String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
