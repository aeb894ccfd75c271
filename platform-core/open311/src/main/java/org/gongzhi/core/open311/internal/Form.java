package org.gongzhi.core.open311.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one call: query parameters, and for a POST the form body, which wins when a
 * name appears in both. "Optional" as the specification defines it: an empty value is the same as
 * no value. Comma lists ({@code status=open,closed}) may also be repeated parameters.
 */
final class Form {

    private final Map<String, List<String>> values;

    Form(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
        this.values = copy;
    }

    /** {@code query} overridden by {@code body}. */
    static Form of(Map<String, List<String>> query, Map<String, List<String>> body) {
        Map<String, List<String>> merged = new LinkedHashMap<>(query);
        body.forEach((k, v) -> {
            if (v != null && v.stream().anyMatch(s -> s != null && !s.isBlank())) {
                merged.put(k, v);
            }
        });
        return new Form(merged);
    }

    /** Every parameter. */
    Map<String, List<String>> all() {
        return values;
    }

    /** The first non-blank value, trimmed; {@code null} when there is none. */
    String first(String name) {
        for (String v : values.getOrDefault(name, List.of())) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** The first value or a 400 {@code <name> was not provided}. */
    String required(String name) {
        String v = first(name);
        if (v == null) {
            throw Open311Exception.notProvided(name);
        }
        return v;
    }

    /** All non-blank values, including {@code name[]} values. */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String key : List.of(name, name + "[]")) {
            values.getOrDefault(key, List.of()).stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                    .forEach(out::add);
        }
        return out;
    }

    /** All values of a comma list, split, trimmed, non-blank. */
    List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values(name)) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** A number, or {@code null}; 400 naming the parameter when it is not a finite number. */
    Double decimal(String name) {
        String v = first(name);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Open311Exception.badRequest(name + " must be a number (" + name + " 须为数字): " + v);
    }
}
