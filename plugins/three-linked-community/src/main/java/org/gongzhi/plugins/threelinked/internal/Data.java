package org.gongzhi.plugins.threelinked.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the JSON-like maps of {@link org.gongzhi.plugin.api.PluginRecord#data()}. */
final class Data {

    private Data() {
    }

    static String str(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }

    static Instant instant(Map<String, Object> data, String key) {
        String v = str(data, key);
        return v == null ? null : Instant.parse(v);
    }

    static LocalDate date(Map<String, Object> data, String key) {
        String v = str(data, key);
        return v == null ? null : LocalDate.parse(v);
    }

    static Integer integer(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? null : ((Number) v).intValue();
    }

    static Double decimal(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? null : ((Number) v).doubleValue();
    }

    static List<String> strings(Map<String, Object> data, String key) {
        Object v = data.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(o -> out.add(o.toString()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> data, String key) {
        Object v = data.get(key);
        List<Map<String, Object>> out = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.forEach(o -> out.add((Map<String, Object>) o));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v instanceof Map<?, ?> ? (Map<String, Object>) v : null;
    }

    /** A map builder that leaves out null values and writes times and dates as ISO strings. */
    static final class Builder {
        private final Map<String, Object> map = new LinkedHashMap<>();

        Builder put(String key, Object value) {
            if (value instanceof Instant || value instanceof LocalDate) {
                map.put(key, value.toString());
            } else if (value != null) {
                map.put(key, value);
            }
            return this;
        }

        Map<String, Object> build() {
            return map;
        }
    }

    static Builder builder() {
        return new Builder();
    }
}
