package org.gongzhi.plugins.threecolour.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * Test double of {@link RecordCollection} honouring its contract: id and ref checks, versions and
 * {@code expectedVersion}, refs filtering, oldest-first order, paging limits. Data is deep-copied
 * in and out, as a JSON round trip would. Thread-safe.
 */
final class InMemoryCollection implements RecordCollection {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Map<String, PluginRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad id " + id);
        }
        for (String ref : refs == null ? List.<String>of() : refs) {
            if (ref.length() > 200 || ref.indexOf('=') < 1) {
                throw new IllegalArgumentException("bad ref " + ref);
            }
        }
        PluginRecord current = records.get(id);
        if (expectedVersion != null) {
            long actual = current == null ? 0 : current.version();
            if (actual != expectedVersion) {
                throw new IllegalStateException("version of " + id + " is " + actual + ", not " + expectedVersion);
            }
        }
        Instant now = Instant.now();
        PluginRecord stored = new PluginRecord(id, current == null ? 1 : current.version() + 1, copy(data), refs,
                current == null ? now : current.createdAt(), now);
        records.put(id, stored);
        return copyOf(stored);
    }

    @Override
    public synchronized Optional<PluginRecord> get(String id) {
        return Optional.ofNullable(records.get(id)).map(InMemoryCollection::copyOf);
    }

    @Override
    public synchronized List<PluginRecord> find(String ref, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("offset " + offset + ", limit " + limit);
        }
        return records.values().stream().filter(r -> ref == null || r.refs().contains(ref)).skip(offset).limit(limit)
                .map(InMemoryCollection::copyOf).toList();
    }

    @Override
    public synchronized long count(String ref) {
        return records.values().stream().filter(r -> ref == null || r.refs().contains(ref)).count();
    }

    @Override
    public synchronized boolean delete(String id) {
        return records.remove(id) != null;
    }

    private static PluginRecord copyOf(PluginRecord r) {
        return new PluginRecord(r.id(), r.version(), copy(r.data()), r.refs(), r.createdAt(), r.updatedAt());
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k.toString(), copy(v)));
            return (T) m;
        }
        if (value instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            list.forEach(v -> l.add(copy(v)));
            return (T) l;
        }
        return value;
    }
}
