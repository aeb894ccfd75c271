package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/**
 * One registry of the district (studios, organisations, experts): records with a generated UUID
 * id that are created, replaced and read whole.
 */
final class Registry {

    /** What a validated request body becomes: the record data and its refs. */
    record Entry(Map<String, Object> data, List<String> refs) {
    }

    private final PluginStorage storage;
    private final String collection;
    private final String whatZh;
    private final String whatEn;

    Registry(PluginStorage storage, String collection, String whatZh, String whatEn) {
        this.storage = storage;
        this.collection = collection;
        this.whatZh = whatZh;
        this.whatEn = whatEn;
    }

    static Registry studios(PluginStorage storage) {
        return new Registry(storage, Records.STUDIOS, "老倌俚工作室", "studio");
    }

    static Registry organisations(PluginStorage storage) {
        return new Registry(storage, Records.ORGANISATIONS, "第三方调解组织", "mediation organisation");
    }

    static Registry experts(PluginStorage storage) {
        return new Registry(storage, Records.EXPERTS, "调解专家", "expert");
    }

    PluginRecord create(String tenant, Entry entry) {
        return records(tenant).put(UUID.randomUUID().toString(), entry.data(), entry.refs(), 0L);
    }

    /** Replaces a record; 404 when there is none, 409 when someone else wrote it meanwhile. */
    PluginRecord replace(String tenant, String id, Entry entry) {
        PluginRecord current = get(tenant, id);
        try {
            return records(tenant).put(id, entry.data(), entry.refs(), current.version());
        } catch (IllegalStateException e) {
            throw Problems.conflict(whatZh + "已被他人修改，请刷新后重试", "the " + whatEn + " was changed meanwhile; reload and retry");
        }
    }

    /** The record, or 404. */
    PluginRecord get(String tenant, String id) {
        return find(tenant, id).orElseThrow(() -> Problems.notFound(whatZh, whatEn, id));
    }

    Optional<PluginRecord> find(String tenant, String id) {
        return Records.find(records(tenant), id);
    }

    /** All records carrying {@code ref} (all when null), oldest first. */
    List<PluginRecord> list(String tenant, String ref) {
        return Records.all(records(tenant), ref);
    }

    long count(String tenant) {
        return records(tenant).count(null);
    }

    private RecordCollection records(String tenant) {
        return Records.collection(storage, tenant, collection);
    }
}
