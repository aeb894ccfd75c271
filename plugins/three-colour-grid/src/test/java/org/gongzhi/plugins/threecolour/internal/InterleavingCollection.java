package org.gongzhi.plugins.threecolour.internal;

import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.ForwardingRecordCollection;

/**
 * Wraps a collection and lets another writer slip in: before each of the first {@code times}
 * conditional puts, {@code rival} runs against the wrapped collection, as if a second listener had
 * written between our read and our write.
 */
final class InterleavingCollection extends ForwardingRecordCollection {

    private final Runnable rival;
    private int times;

    InterleavingCollection(RecordCollection target, int times, Runnable rival) {
        super(target);
        this.times = times;
        this.rival = rival;
    }

    @Override
    public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        if (expectedVersion != null && times > 0) {
            times--;
            rival.run();
        }
        return super.put(id, data, refs, expectedVersion);
    }
}
