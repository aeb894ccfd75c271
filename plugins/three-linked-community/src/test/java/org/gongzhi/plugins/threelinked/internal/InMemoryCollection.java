package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
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
 * Test double of {@link RecordCollection} honouring its contract: id and ref format, JSON-like
 * data only, versions from 1, expectedVersion (null, 0, n), refs filtering, oldest first, paging.
 */
final class InMemoryCollection implements RecordCollection {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Map<String, PluginRecord> records = new LinkedHashMap<>();
    private final Clock clock;
    /** Runs once before the next put, to simulate a concurrent writer. */
    private Runnable beforeNextPut;

    InMemoryCollection(Clock clock) {
        this.clock = clock;
    }

    void beforeNextPut(Runnable hook) {
        this.beforeNextPut = hook;
    }

    @Override
    public synchronized PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        if (beforeNextPut != null) {
            Runnable hook = beforeNextPut;
            beforeNextPut = null;
            hook.run();
        }
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad id: " + id);
        }
        checkJson(data);
        for (String ref : refs) {
            if (ref == null || ref.length() > 200 || ref.indexOf('=') < 1) {
                throw new IllegalArgumentException("bad ref: " + ref);
            }
        }
        PluginRecord old = records.get(id);
        long current = old == null ? 0 : old.version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new IllegalStateException("expected version " + expectedVersion + " but is " + current);
        }
        Instant now = clock.instant();
        PluginRecord r = new PluginRecord(id, current + 1, data, refs, old == null ? now : old.createdAt(), now);
        records.put(id, r);
        return r;
    }

    @Override
    public synchronized Optional<PluginRecord> get(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized List<PluginRecord> find(String ref, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("bad page: " + offset + "/" + limit);
        }
        List<PluginRecord> hits = new ArrayList<>();
        for (PluginRecord r : records.values()) {
            if (ref == null || r.refs().contains(ref)) {
                hits.add(r);
            }
        }
        return List.copyOf(hits.subList(Math.min(offset, hits.size()), Math.min(hits.size(), offset + limit)));
    }

    @Override
    public synchronized long count(String ref) {
        return records.values().stream().filter(r -> ref == null || r.refs().contains(ref)).count();
    }

    @Override
    public synchronized boolean delete(String id) {
        return records.remove(id) != null;
    }

    private static void checkJson(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(InMemoryCollection::checkJson);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("non-string key: " + k);
                }
                checkJson(v);
            });
        } else {
            throw new IllegalArgumentException("not JSON-like: " + value.getClass().getName());
        }
    }
}
