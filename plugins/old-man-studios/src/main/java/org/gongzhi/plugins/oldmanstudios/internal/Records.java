package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.RecordCollection;

/** Collections of the model, paging through them, and reading JSON-like record data. */
final class Records {

    /** 老倌俚工作室: refs {@code village=}, {@code street=}. */
    static final String STUDIOS = "studios";
    /** 第三方调解组织: refs {@code speciality=}. */
    static final String ORGANISATIONS = "organisations";
    /** 调解专家库: refs {@code field=}. */
    static final String EXPERTS = "experts";
    /** 矛盾纠纷: refs {@code caseId=}, {@code studio=}, {@code organisation=}, {@code status=}, {@code grid=}, {@code village=}, {@code type=}. */
    static final String DISPUTES = "disputes";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private Records() {
    }

    static RecordCollection collection(PluginStorage storage, String tenant, String name) {
        return storage.collection(tenant, OldManStudiosModel.ID, name);
    }

    /** The record with this id; empty as well for a string that cannot be an id. */
    static Optional<PluginRecord> find(RecordCollection collection, String id) {
        return id != null && ID.matcher(id).matches() ? collection.get(id) : Optional.empty();
    }

    /** Every record carrying {@code ref} (all when null), oldest first, read page by page. */
    static List<PluginRecord> all(RecordCollection collection, String ref) {
        List<PluginRecord> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            List<PluginRecord> page = collection.find(ref, offset, RecordCollection.MAX_LIMIT);
            all.addAll(page);
            if (page.size() < RecordCollection.MAX_LIMIT) {
                return all;
            }
            offset += page.size();
        }
    }

    /** What the REST API shows of a record: id, version, its data, createdAt, updatedAt. */
    static Map<String, Object> json(PluginRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id());
        json.put("version", record.version());
        json.putAll(record.data());
        json.put("createdAt", record.createdAt());
        json.put("updatedAt", record.updatedAt());
        return json;
    }

    static String str(Map<String, ?> data, String key) {
        Object value = data.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, ?> data, String key) {
        Object value = data.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, ?> data, String key) {
        Object value = data.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Object element : list) {
            if (element instanceof Map<?, ?> m) {
                maps.add((Map<String, Object>) m);
            }
        }
        return maps;
    }

    /** A map of the given entries leaving out null values (the core omits nulls anyway). */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
