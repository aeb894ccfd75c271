package org.gongzhi.plugins.threecolour.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/** Small readers of plugin records: every page of a query, typed values of JSON-like data. */
final class Records {

    private Records() {
    }

    /** Every record carrying {@code ref} (all when null), oldest first, read page by page. */
    static List<PluginRecord> all(RecordCollection collection, String ref) {
        List<PluginRecord> all = new ArrayList<>();
        while (true) {
            List<PluginRecord> page = collection.find(ref, all.size(), RecordCollection.MAX_LIMIT);
            all.addAll(page);
            if (page.size() < RecordCollection.MAX_LIMIT) {
                return all;
            }
        }
    }

    static String text(Map<String, Object> data, String key) {
        Object v = data.get(key);
        return v == null ? null : v.toString();
    }

    static long number(Map<String, Object> data, String key) {
        return data.get(key) instanceof Number n ? n.longValue() : 0L;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> data, String key) {
        return data.get(key) instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    static List<String> texts(Map<String, Object> data, String key) {
        return data.get(key) instanceof List<?> list ? (List<String>) list : List.of();
    }
}
