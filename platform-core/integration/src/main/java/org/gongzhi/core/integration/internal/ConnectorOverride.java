package org.gongzhi.core.integration.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.gongzhi.core.tenant.ConnectorDefinition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * One Config Admin override of a department's connector: a factory configuration of PID
 * {@code org.gongzhi.connector}, e.g. {@code etc/org.gongzhi.connector-jizhou-cg.cfg} with
 * {@code tenant}, {@code department}, {@code type} and the type's options, or {@code enabled=false}
 * to switch the department's connector off. It replaces the connector of the tenant definition
 * while it exists; a changed file takes effect with the next delivery. An invalid override does
 * not activate (the log says why) and the definition's connector stays in force.
 */
@Component(service = ConnectorOverride.class, configurationPid = "org.gongzhi.connector",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ConnectorOverride {

    private static final Set<String> NOT_OPTIONS = Set.of("tenant", "department", "type", "enabled");

    private final String tenant;
    private final String department;
    private final ConnectorDefinition connector;

    @Activate
    public ConnectorOverride(Map<String, Object> properties) {
        this.tenant = required(properties, "tenant");
        this.department = required(properties, "department");
        boolean enabled = !"false".equalsIgnoreCase(String.valueOf(properties.getOrDefault("enabled", "true")).strip());
        if (enabled) {
            Map<String, String> options = new LinkedHashMap<>();
            properties.forEach((k, v) -> {
                if (!NOT_OPTIONS.contains(k) && !k.contains(".") && v != null) {
                    options.put(k, String.valueOf(v).strip());
                }
            });
            try {
                this.connector = new ConnectorDefinition(required(properties, "type"), options);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("部门对接配置无效 (invalid connector override for " + tenant + "/" + department
                        + "): " + e.getMessage(), e);
            }
        } else {
            this.connector = null;
        }
    }

    private static String required(Map<String, Object> properties, String key) {
        Object v = properties.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException("部门对接配置缺少 " + key + " (connector override needs " + key + ")");
        }
        return String.valueOf(v).strip();
    }

    String tenant() {
        return tenant;
    }

    String department() {
        return department;
    }

    /** The connector in force, {@code null} when the override switches it off. */
    ConnectorDefinition connector() {
        return connector;
    }

    @Override
    public String toString() {
        return "ConnectorOverride[" + tenant + "/" + department + " " + connector + "]";
    }
}
