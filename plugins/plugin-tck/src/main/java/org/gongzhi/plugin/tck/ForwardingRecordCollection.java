package org.gongzhi.plugin.tck;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.RecordQuery;

/**
 * A {@link RecordCollection} that hands every call to another: extend it in a test to meddle with
 * the calls you care about (fail some puts as a database error would, let a rival write first…).
 *
 * <pre>{@code
 * RecordCollection flaky = new ForwardingRecordCollection(storage.collection("jizhou", ID, "tallies")) {
 *     @Override
 *     public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
 *         throw new RuntimeException("database unavailable");
 *     }
 * };
 * }</pre>
 *
 * @since 1.3
 */
public class ForwardingRecordCollection implements RecordCollection {

    private final RecordCollection target;

    public ForwardingRecordCollection(RecordCollection target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** The collection calls go to. */
    protected final RecordCollection target() {
        return target;
    }

    @Override
    public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        return target.put(id, data, refs, expectedVersion);
    }

    @Override
    public Optional<PluginRecord> get(String id) {
        return target.get(id);
    }

    @Override
    public List<PluginRecord> find(String ref, int offset, int limit) {
        return target.find(ref, offset, limit);
    }

    @Override
    public long count(String ref) {
        return target.count(ref);
    }

    @Override
    public List<PluginRecord> query(RecordQuery query, int offset, int limit) {
        return target.query(query, offset, limit);
    }

    @Override
    public long countOf(RecordQuery query) {
        return target.countOf(query);
    }

    @Override
    public boolean delete(String id) {
        return target.delete(id);
    }
}
