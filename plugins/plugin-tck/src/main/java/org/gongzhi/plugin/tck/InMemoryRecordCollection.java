package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.RecordQuery;
import org.gongzhi.plugin.tck.InMemoryPluginStorage.Outcome;

/** A view of one {@link RecordShelf} that checks the API's rules and records each call. */
final class InMemoryRecordCollection implements RecordCollection {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final long MAX_DATA_CHARS = 256 * 1024;
    static final int MAX_REF_CHARS = 200;

    private final InMemoryPluginStorage storage;
    private final RecordShelf shelf;
    private final String tenant;
    private final String model;
    private final String collection;

    InMemoryRecordCollection(InMemoryPluginStorage storage, RecordShelf shelf, String tenant, String model,
                             String collection) {
        this.storage = storage;
        this.shelf = shelf;
        this.tenant = tenant;
        this.model = model;
        this.collection = collection;
    }

    @Override
    public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        return call("put", id, () -> {
            requireId(id);
            Map<?, ?> frozen = (Map<?, ?>) JsonValues.frozen(data == null ? Map.of() : data, "data");
            if (JsonValues.jsonLength(frozen) > MAX_DATA_CHARS) {
                throw new IllegalArgumentException("record " + id + " is larger than 256 KiB as JSON");
            }
            List<String> refList = refs == null ? List.of() : new ArrayList<>(refs);
            for (String ref : refList) {
                if (ref == null || ref.length() > MAX_REF_CHARS || ref.indexOf('=') < 1) {
                    throw new IllegalArgumentException("a ref must be name=value, at most 200 characters: " + ref);
                }
            }
            storage.runBeforePut(tenant, model, collection);
            return shelf.put(id, frozen, List.copyOf(refList), expectedVersion, storage.clock().instant());
        });
    }

    @Override
    public Optional<PluginRecord> get(String id) {
        return call("get", id, () -> {
            requireId(id);
            return shelf.get(id);
        });
    }

    @Override
    public List<PluginRecord> find(String ref, int offset, int limit) {
        return call("find", ref, () -> {
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("offset must be >= 0 and limit 1–" + MAX_LIMIT
                        + " (offset " + offset + ", limit " + limit + ")");
            }
            return shelf.find(ref, offset, limit);
        });
    }

    @Override
    public long count(String ref) {
        return call("count", ref, () -> shelf.count(ref));
    }

    @Override
    public List<PluginRecord> query(RecordQuery query, int offset, int limit) {
        return call("query", String.valueOf(query), () -> {
            if (query == null) {
                throw new IllegalArgumentException("query must not be null (RecordQuery.all() for every record)");
            }
            if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("offset must be >= 0 and limit 1–" + MAX_LIMIT
                        + " (offset " + offset + ", limit " + limit + ")");
            }
            return shelf.query(query, offset, limit);
        });
    }

    @Override
    public long countOf(RecordQuery query) {
        return call("countOf", String.valueOf(query), () -> {
            if (query == null) {
                throw new IllegalArgumentException("query must not be null (RecordQuery.all() for every record)");
            }
            return shelf.countOf(query);
        });
    }

    @Override
    public boolean delete(String id) {
        return call("delete", id, () -> {
            requireId(id);
            return shelf.delete(id);
        });
    }

    private <T> T call(String operation, String subject, Supplier<T> body) {
        try {
            T result = body.get();
            record(operation, subject, Outcome.DONE, null);
            return result;
        } catch (IllegalArgumentException e) {
            record(operation, subject, Outcome.REJECTED, e.getMessage());
            throw e;
        } catch (IllegalStateException e) {
            record(operation, subject, Outcome.CONFLICT, e.getMessage());
            throw e;
        }
    }

    private void record(String operation, String subject, Outcome outcome, String message) {
        storage.record(new InMemoryPluginStorage.Call(tenant, model, collection, operation, subject, outcome, message));
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a record id must match " + ID.pattern() + ": " + id);
        }
    }
}
