package org.gongzhi.plugins.threecolour.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;

/** A collection that hands every call to {@code target}; test wrappers override the calls they meddle with. */
abstract class ForwardingCollection implements RecordCollection {

    private final RecordCollection target;

    ForwardingCollection(RecordCollection target) {
        this.target = target;
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
    public boolean delete(String id) {
        return target.delete(id);
    }
}
