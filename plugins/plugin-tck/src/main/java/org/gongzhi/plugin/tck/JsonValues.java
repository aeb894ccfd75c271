package org.gongzhi.plugin.tck;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON-like values of {@link org.gongzhi.plugin.api.PluginRecord#data()}: String, Number,
 * Boolean, List, Map with String keys and null. Copies them the way a round trip through JSON
 * text would (numbers come back as Integer, Long or BigInteger when integral, Double otherwise,
 * as Jackson reads them) and measures their length as compact JSON text.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** An immutable copy of {@code value} after a JSON round trip; IllegalArgumentException for anything else. */
    static Object frozen(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return reread(numberText(n, path));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("map keys must be strings, at " + path + ": " + e.getKey());
                }
                copy.put(key, frozen(e.getValue(), path + "." + key));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(frozen(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("not a JSON-like value (String, Number, Boolean, List, Map, null) at "
                + path + ": " + value.getClass().getName());
    }

    /** A fresh, mutable copy of a frozen value, as a new read from the database would give. */
    @SuppressWarnings("unchecked")
    static Object thawed(Object frozen) {
        if (frozen instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, thawed(v)));
            return copy;
        }
        if (frozen instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(thawed(v)));
            return copy;
        }
        return frozen;
    }

    /** Length in characters of the compact JSON text of a frozen value. */
    static long jsonLength(Object frozen) {
        if (frozen == null) {
            return 4;
        }
        if (frozen instanceof String s) {
            return stringLength(s);
        }
        if (frozen instanceof Map<?, ?> map) {
            long n = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                n += stringLength((String) e.getKey()) + 1 + jsonLength(e.getValue());
            }
            return n;
        }
        if (frozen instanceof List<?> list) {
            long n = 2 + Math.max(0, list.size() - 1);
            for (Object v : list) {
                n += jsonLength(v);
            }
            return n;
        }
        return frozen.toString().length();
    }

    private static long stringLength(String s) {
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                n += 2;
            } else if (c < 0x20) {
                n += 6;
            } else {
                n += 1;
            }
        }
        return n;
    }

    private static String numberText(Number n, String path) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
                || n instanceof BigInteger) {
            return n.toString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("JSON has no NaN or infinity, at " + path + ": " + n);
            }
            return n.toString();
        }
        if (n instanceof BigDecimal b) {
            return b.toString();
        }
        throw new IllegalArgumentException("not a JSON number type at " + path + ": " + n.getClass().getName());
    }

    private static Number reread(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            BigInteger big = new BigInteger(text);
            if (big.bitLength() < 32) {
                return big.intValue();
            }
            return big.bitLength() < 64 ? (Number) big.longValue() : big;
        }
        return Double.valueOf(text);
    }
}
