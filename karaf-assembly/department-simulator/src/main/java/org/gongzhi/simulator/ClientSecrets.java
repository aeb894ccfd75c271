package org.gongzhi.simulator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The client secret of each department system: from {@code --secrets-file} (properties
 * {@code tenant.department=secret}, department case-insensitive), else from {@code --client-secret} (which may
 * use {@code {tenant}} and {@code {department}}, substituted lower-case, e.g. {@code demo-{tenant}-{department}-secret}).
 */
final class ClientSecrets {

    private final Map<String, String> byKey;
    private final Template fallback;

    private ClientSecrets(Map<String, String> byKey, Template fallback) {
        this.byKey = byKey;
        this.fallback = fallback;
    }

    static ClientSecrets of(Path file, String fallback) {
        Map<String, String> byKey = new HashMap<>();
        if (file != null) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalArgumentException("--secrets-file: cannot read " + file + " ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            }
            for (String key : p.stringPropertyNames()) {
                int dot = key.indexOf('.');
                if (dot <= 0 || dot == key.length() - 1) {
                    throw new IllegalArgumentException("--secrets-file " + file
                            + ": keys must look like tenant.department, not " + key);
                }
                byKey.put(key(key.substring(0, dot), key.substring(dot + 1)), p.getProperty(key).trim());
            }
        }
        Template t = fallback == null ? null : Template.of("--client-secret", fallback, Template.NAMES);
        return new ClientSecrets(Map.copyOf(byKey), t);
    }

    /** Whether any secret is configured at all; without one, updates go out without a token. */
    boolean configured() {
        return fallback != null || !byKey.isEmpty();
    }

    /** The secret for a department system, or {@code null} when none is configured for it. */
    String secretFor(String tenant, String department) {
        String s = byKey.get(key(tenant, department));
        if (s != null) {
            return s;
        }
        return fallback == null ? null : fallback.expandLowerCase(tenant, department);
    }

    private static String key(String tenant, String department) {
        return tenant + "." + department.toLowerCase(Locale.ROOT);
    }
}
