package org.gongzhi.plugins.threelinked.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/** Helpers over a {@link RecordCollection}: reading every page, optimistic writes. */
final class Records {

    private Records() {
    }

    /** Every record carrying {@code ref} (all when null), oldest first. */
    static List<PluginRecord> all(RecordCollection collection, String ref) {
        List<PluginRecord> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<PluginRecord> page = collection.find(ref, offset, RecordCollection.MAX_LIMIT);
            out.addAll(page);
            if (page.size() < RecordCollection.MAX_LIMIT) {
                return out;
            }
            offset += page.size();
        }
    }

    /**
     * Writes a record that must not exist yet, or that must still be at {@code version}.
     *
     * @param version 0 for a new record
     * @throws Conflict when another write came first
     */
    static PluginRecord write(RecordCollection collection, String id, long version, Map<String, Object> data,
                              List<String> refs, String conflictMessage) {
        try {
            return collection.put(id, data, refs, version);
        } catch (IllegalStateException e) {
            throw new Conflict(conflictMessage);
        }
    }

    /** A page of an in-memory list. */
    static <T> Page<T> page(List<T> items, int offset, int limit) {
        int from = Math.min(offset, items.size());
        int to = Math.min(items.size(), from + limit);
        return new Page<>(List.copyOf(items.subList(from, to)), items.size(), offset, limit);
    }
}
