package org.gongzhi.plugins.threecolour.internal;

import java.time.Instant;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.tck.InMemoryPluginStorage;

/** Case facts for tests: Jizhou, grid 阳明小区网格 unless told otherwise. */
final class Facts {

    static final String TENANT = "jizhou";
    static final String GRID = "360802001001001";

    private Facts() {
    }

    /** The TCK's in-memory storage with Jizhou and Donghu. */
    static InMemoryPluginStorage storage() {
        return new InMemoryPluginStorage(TENANT, "donghu");
    }

    /** One of the model's collections in {@code tenant}. */
    static RecordCollection collection(PluginStorage storage, String tenant, String name) {
        return storage.collection(tenant, ThreeColourGridModel.ID, name);
    }

    static CaseFacts of(String category, String defaultTier) {
        return of(category, defaultTier, GRID, Instant.parse("2026-11-03T02:00:00Z"));
    }

    static CaseFacts of(String category, String defaultTier, String grid, Instant reportedAt) {
        return new CaseFacts(TENANT, "JZ-2026-000001", category, defaultTier, grid, "grid-app", "test case", reportedAt);
    }
}
