package org.gongzhi.plugin.tck;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.gongzhi.plugin.api.PluginRecord;

/** The records of one collection of one model in one tenant; all methods are atomic. */
final class RecordShelf {

    /** A stored record; data are frozen (see {@link JsonValues#frozen}). */
    private record Entry(String id, long version, Map<?, ?> data, List<String> refs, Instant createdAt,
                         Instant updatedAt, long seq) {

        PluginRecord toRecord() {
            @SuppressWarnings("unchecked")
            Map<String, Object> copy = (Map<String, Object>) JsonValues.thawed(data);
            return new PluginRecord(id, version, copy, refs, createdAt, updatedAt);
        }
    }

    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing(Entry::createdAt).thenComparingLong(Entry::seq);

    private final Map<String, Entry> entries = new HashMap<>();
    private long nextSeq;

    synchronized PluginRecord put(String id, Map<?, ?> data, List<String> refs, Long expectedVersion, Instant now) {
        Entry old = entries.get(id);
        long current = old == null ? 0 : old.version();
        if (expectedVersion != null && expectedVersion != current) {
            throw new IllegalStateException("record " + id + " is at version " + current + ", not " + expectedVersion);
        }
        Entry entry = old == null
                ? new Entry(id, 1, data, refs, now, now, nextSeq++)
                : new Entry(id, current + 1, data, refs, old.createdAt(), now, old.seq());
        entries.put(id, entry);
        return entry.toRecord();
    }

    synchronized Optional<PluginRecord> get(String id) {
        return Optional.ofNullable(entries.get(id)).map(Entry::toRecord);
    }

    synchronized List<PluginRecord> find(String ref, int offset, int limit) {
        return entries.values().stream()
                .filter(e -> ref == null || e.refs().contains(ref))
                .sorted(OLDEST_FIRST)
                .skip(offset)
                .limit(limit)
                .map(Entry::toRecord)
                .toList();
    }

    synchronized List<PluginRecord> query(org.gongzhi.plugin.api.RecordQuery query, int offset, int limit) {
        return entries.values().stream()
                .filter(e -> query.matches(e.refs()))
                .sorted(OLDEST_FIRST)
                .skip(offset)
                .limit(limit)
                .map(Entry::toRecord)
                .toList();
    }

    synchronized long countOf(org.gongzhi.plugin.api.RecordQuery query) {
        return entries.values().stream().filter(e -> query.matches(e.refs())).count();
    }

    synchronized long count(String ref) {
        return entries.values().stream().filter(e -> ref == null || e.refs().contains(ref)).count();
    }

    synchronized boolean delete(String id) {
        return entries.remove(id) != null;
    }

    /** id → [refs, data], without versions and times. */
    synchronized Map<String, Object> contents() {
        Map<String, Object> out = new TreeMap<>();
        entries.forEach((id, e) -> out.put(id, List.of(e.refs(), e.data())));
        return out;
    }
}
