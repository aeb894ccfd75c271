package org.gongzhi.plugin.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record a plugin keeps (a studio, a mediation session, a service order…).
 *
 * @param id        the plugin's id for it, unique in its collection and tenant
 * @param version   incremented by every write; 1 for a new record
 * @param data      JSON-like values only: String, Number, Boolean, List, Map and null
 * @param refs      searchable {@code name=value} references, e.g. {@code caseId=…}, {@code grid=360802001}
 * @param createdAt first write
 * @param updatedAt last write
 * @since 1.0
 */
public record PluginRecord(String id, long version, Map<String, Object> data, List<String> refs,
                           Instant createdAt, Instant updatedAt) {
    public PluginRecord {
        Objects.requireNonNull(id, "id");
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
        refs = refs == null ? List.of() : List.copyOf(refs);
    }
}
