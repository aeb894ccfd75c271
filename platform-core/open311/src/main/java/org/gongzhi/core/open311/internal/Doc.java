package org.gongzhi.core.open311.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response document in the shape both formats share: XML elements, and JSON by the Spark
 * convention GeoReport v2 prescribes (the root element disappears, repeated elements become an
 * array). A body is a {@link #fields record} (ordered field → value), an {@link Items} list, or a
 * scalar; {@code null} values become empty elements in XML and {@code null} in JSON.
 *
 * @param root the XML root element, e.g. {@code service_requests}
 * @param body what the root holds
 */
record Doc(String root, Object body) {

    /**
     * A repeated element: {@code <services><service>…</service>…</services>} in XML, an array in
     * JSON.
     *
     * @param item the XML name of each element, e.g. {@code service}
     */
    record Items(String item, List<?> items) {
        Items {
            items = List.copyOf(items);
        }
    }

    /** A record from alternating names and values (values may be {@code null}). */
    static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    /** A document whose root holds repeated {@code item} elements. */
    static Doc list(String root, String item, List<?> items) {
        return new Doc(root, new Items(item, items));
    }
}
