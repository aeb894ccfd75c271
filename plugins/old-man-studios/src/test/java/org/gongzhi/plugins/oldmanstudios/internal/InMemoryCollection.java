package org.gongzhi.plugins.oldmanstudios.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * Test double of a record collection that keeps the contract of {@link RecordCollection}: ids and
 * refs checked, JSON-like data only, versions from 1, {@code expectedVersion} null / 0 / n, refs
 * filtering, oldest first, offset and limit 1..{@value RecordCollection#MAX_LIMIT}.
 */
final class InMemoryCollection implements RecordCollection {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Map<String, PluginRecord> records = new LinkedHashMap<>();
    private final Map<String, Long> sequence = new LinkedHashMap<>();
    private long next;

    @Override
    public synchronized PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad id: " + id);
        }
        checkJsonLike(data);
        for (String ref : refs == null ? List.<String>of() : refs) {
            if (ref == null || ref.length() > 200 || !ref.contains("=")) {
                throw new IllegalArgumentException("bad ref: " + ref);
            }
        }
        PluginRecord current = records.get(id);
        if (expectedVersion != null) {
            long actual = current == null ? 0 : current.version();
            if (actual != expectedVersion) {
                throw new IllegalStateException("expected version " + expectedVersion + " of " + id + ", found " + actual);
            }
        }
        Instant now = Instant.now();
        PluginRecord stored = new PluginRecord(id, current == null ? 1 : current.version() + 1, data, refs,
                current == null ? now : current.createdAt(), now);
        records.put(id, stored);
        sequence.putIfAbsent(id, next++);
        return stored;
    }

    @Override
    public synchronized Optional<PluginRecord> get(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("bad id: " + id);
        }
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public synchronized List<PluginRecord> find(String ref, int offset, int limit) {
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
        }
        return records.values().stream().filter(r -> ref == null || r.refs().contains(ref))
                .sorted(Comparator.comparing(r -> sequence.get(r.id())))
                .skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count(String ref) {
        return records.values().stream().filter(r -> ref == null || r.refs().contains(ref)).count();
    }

    @Override
    public synchronized boolean delete(String id) {
        sequence.remove(id);
        return records.remove(id) != null;
    }

    private static void checkJsonLike(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("non-string key: " + k);
                }
                checkJsonLike(v);
            });
            return;
        }
        if (value instanceof List<?> list) {
            list.forEach(InMemoryCollection::checkJsonLike);
            return;
        }
        throw new IllegalArgumentException("not JSON-like: " + value.getClass().getName());
    }
}
