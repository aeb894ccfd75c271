package org.gongzhi.core.tenant;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the platform reaches a department's own system (部门系统对接): a connector type and its
 * options. The core knows three types; plugins may contribute others (any {@link #TYPE} name).
 *
 * <table>
 * <caption>core connector types</caption>
 * <tr><th>type</th><th>required options</th><th>optional options</th></tr>
 * <tr><td>{@code http}</td><td>{@code url}</td><td>{@code authHeader}, {@code authValue}</td></tr>
 * <tr><td>{@code file}</td><td>{@code directory}</td><td>{@code format} ({@code json}|{@code xml}), {@code updatesDirectory}</td></tr>
 * <tr><td>{@code open311}</td><td>{@code url}, {@code jurisdictionId}, {@code serviceCode}</td><td>{@code apiKey}, {@code pollSeconds}</td></tr>
 * </table>
 * In {@code url}, {@code directory} and {@code updatesDirectory}, {@code {tenant}} and
 * {@code {department}} stand for the district id and the department code.
 *
 * @param type    {@code [a-z][a-z0-9-]{0,31}}
 * @param options option name ({@code [A-Za-z][A-Za-z0-9.]*}) to value; copied, sorted
 * @throws IllegalArgumentException naming the option when a value is invalid
 */
public record ConnectorDefinition(String type, Map<String, String> options) {

    /** Pattern of a connector type name. */
    public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern OPTION = Pattern.compile("[A-Za-z][A-Za-z0-9.]{0,63}");
    /** Options whose values are credentials: never shown. */
    public static final Set<String> SECRET_OPTIONS = Set.of("authValue", "apiKey");

    /** Validates the type and, for the core types, the options they need. */
    public ConnectorDefinition {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("type must match " + TYPE + ": " + DepartmentDefinition.quote(type));
        }
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(options));
        options.forEach((k, v) -> {
            if (k == null || !OPTION.matcher(k).matches()) {
                throw new IllegalArgumentException("option name must match " + OPTION + ": " + DepartmentDefinition.quote(k));
            }
            if (v == null) {
                throw new IllegalArgumentException(k + " must not be null");
            }
        });
        switch (type) {
            case "http" -> url(options, "url");
            case "open311" -> {
                url(options, "url");
                required(options, "jurisdictionId");
                required(options, "serviceCode");
                positive(options, "pollSeconds");
            }
            case "file" -> {
                required(options, "directory");
                String format = options.getOrDefault("format", "json");
                if (!format.equals("json") && !format.equals("xml")) {
                    throw new IllegalArgumentException("format must be json or xml: \"" + format + "\"");
                }
            }
            default -> {
                // contributed by a plugin: its route checks its own options
            }
        }
    }

    /** The option's value, or {@code fallback} when it is absent. */
    public String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private static String required(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v;
    }

    private static void url(Map<String, String> options, String name) {
        String v = required(options, name);
        try {
            URI uri = new URI(v.replace("{tenant}", "tenant").replace("{department}", "department"));
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http(s) URL: \"" + v + "\"");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL: \"" + v + "\"", e);
        }
    }

    private static void positive(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null) {
            return;
        }
        try {
            if (Long.parseLong(v.trim()) <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive whole number: \"" + v + "\"", e);
        }
    }

    /** Never shows credentials. */
    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(options);
        shown.replaceAll((k, v) -> SECRET_OPTIONS.contains(k) ? "***" : v);
        return "ConnectorDefinition[" + type + " " + shown + "]";
    }
}
