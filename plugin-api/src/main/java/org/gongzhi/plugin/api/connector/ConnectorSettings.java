package org.gongzhi.plugin.api.connector;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A department's connector as in force when the platform calls a {@link DepartmentConnector}: from
 * the district's {@code departments.yaml} ({@code connector: {type: …, <option>: …}}) or a Config
 * Admin override {@code etc/org.gongzhi.connector-<anything>.cfg}, read again at each delivery.
 * The connector checks its own options; a missing or bad one is a {@link DispatchRefusedException}
 * (it would fail again) naming the option.
 *
 * @param tenantId   district id
 * @param department department code
 * @param type       the connector type
 * @param options    option name to value, as written (placeholders not filled); credentials among them
 * @since 1.0
 */
public record ConnectorSettings(String tenantId, String department, String type, Map<String, String> options) {

    /** Options whose values are credentials: never logged, never shown ({@link #toString()}). */
    public static final Set<String> SECRET_OPTIONS = Set.of("authValue", "apiKey", "password", "token", "secret");

    public ConnectorSettings {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(type, "type");
        options = options == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * The option's value with {@code {tenant}} and {@code {department}} replaced by the district id
     * and the department code; empty when the option is absent or blank.
     */
    public Optional<String> option(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.replace("{tenant}", tenantId).replace("{department}", department));
    }

    /** The option (placeholders filled), or {@code fallback} when absent. */
    public String option(String name, String fallback) {
        return option(name).orElse(fallback);
    }

    /** Never shows credentials. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((k, v) -> SECRET_OPTIONS.contains(k) ? "***" : v);
        return "ConnectorSettings[" + tenantId + "/" + department + " " + type + " " + shown + "]";
    }
}
