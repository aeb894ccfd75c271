package org.gongzhi.plugins.oldmanstudios.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.gongzhi.plugin.api.PluginPaths;
import org.gongzhi.plugin.api.PluginRecord;

/** Small pieces shared by the REST resources of the model. */
final class Rest {

    /**
     * URL prefix of every endpoint of the model; {@code {tenant}} is the district id. The core serves
     * the {@link org.gongzhi.plugin.api.PluginEndpoint}s under it, each at its section
     * ({@code disputes}, {@code studios}, …); here it only builds {@code Location} headers.
     */
    static final String BASE = PluginPaths.BASE + "/" + OldManStudiosModel.ID;

    private Rest() {
    }

    /** 201 with the record and its location under {@code /api/v1/tenants/<tenant>/plugins/old-man-studios/<collection>/}. */
    static Response created(String tenant, String collection, Map<String, Object> json) {
        URI location = URI.create(BASE.replace("{tenant}", tenant) + "/" + collection + "/" + json.get("id"));
        return Response.created(location).entity(json).build();
    }

    /** {@code {"items": [...], "total": n}} of whole registries. */
    static Map<String, Object> items(List<PluginRecord> records) {
        List<Map<String, Object>> items = new ArrayList<>();
        records.forEach(r -> items.add(Records.json(r)));
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("items", items);
        page.put("total", (long) records.size());
        return page;
    }

    /** A dispute as the API shows it: its record plus the actions its status allows. */
    static Map<String, Object> dispute(PluginRecord record) {
        Map<String, Object> json = Records.json(record);
        json.put("allowedActions", DisputeLifecycle.allowed(DisputeStore.status(record.data())).stream()
                .map(DisputeAction::wire).toList());
        return json;
    }

    /**
     * The one ref to filter by, from {@code name → value} query parameters (null values ignored);
     * null for none, 400 when several are given.
     */
    static String ref(Map<String, String> filters) {
        String ref = null;
        String first = null;
        for (Map.Entry<String, String> f : filters.entrySet()) {
            if (f.getValue() == null || f.getValue().isBlank()) {
                continue;
            }
            if (ref != null) {
                throw Problems.invalid(f.getKey(), "只能按一个条件筛选（已有 " + first + "）",
                        "filter by one parameter only (" + first + " given)");
            }
            first = f.getKey();
            ref = f.getKey() + "=" + f.getValue().trim();
            if (ref.length() > 200) {
                throw Problems.invalid(f.getKey(), "取值过长", "value too long");
            }
        }
        return ref;
    }

    /** A non-negative whole query parameter between {@code min} and {@code max}, or the default. */
    static int integer(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Inputs.number(field, Long.valueOf(value.trim()), min, max, true).intValue();
        } catch (NumberFormatException e) {
            throw Problems.invalid(field, "应为整数", "must be a whole number");
        }
    }
}
