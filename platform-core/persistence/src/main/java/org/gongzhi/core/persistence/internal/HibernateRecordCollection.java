package org.gongzhi.core.persistence.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.RecordCollection;
import org.gongzhi.plugin.api.RecordQuery;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.query.SelectionQuery;

/** One collection of one plugin in one tenant; every call is one transaction in that tenant. */
final class HibernateRecordCollection implements RecordCollection {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_DATA_CHARS = 256 * 1024;
    static final int MAX_REF_CHARS = 200;

    private final Database db;
    private final Clock clock;
    private final String tenant;
    private final String model;
    private final String collection;

    HibernateRecordCollection(Database db, Clock clock, String tenant, String model, String collection) {
        this.db = db;
        this.clock = clock;
        this.tenant = tenant;
        this.model = model;
        this.collection = collection;
    }

    @Override
    public PluginRecord put(String id, Map<String, Object> data, List<String> refs, Long expectedVersion) {
        requireId(id);
        String json = JsonText.write(data == null ? Map.of() : data);
        if (json.length() > MAX_DATA_CHARS) {
            throw new IllegalArgumentException("record " + id + " is larger than 256 KiB as JSON");
        }
        List<String> refList = refs == null ? List.of() : List.copyOf(refs);
        for (String ref : refList) {
            if (ref == null || ref.isEmpty() || ref.length() > MAX_REF_CHARS || ref.indexOf('=') < 1) {
                throw new IllegalArgumentException("a ref must be name=value, at most 200 characters: " + ref);
            }
        }
        Instant now = clock.instant();
        return db.inTenant(tenant, s -> {
            PluginRecordEntity row = find(s, id).orElse(null);
            long current = row == null ? 0 : row.version;
            if (expectedVersion != null && expectedVersion != current) {
                throw new IllegalStateException("record " + id + " is at version " + current + ", not " + expectedVersion);
            }
            if (row == null) {
                row = new PluginRecordEntity();
                row.model = model;
                row.collection = collection;
                row.recordId = id;
                row.createdAt = now;
            }
            row.version = current + 1;
            row.data = json;
            row.refs = new ArrayList<>(refList);
            row.updatedAt = now;
            s.persist(row);
            s.flush();
            return toRecord(row);
        });
    }

    @Override
    public Optional<PluginRecord> get(String id) {
        requireId(id);
        return db.inTenant(tenant, s -> find(s, id).map(HibernateRecordCollection::toRecord));
    }

    @Override
    public List<PluginRecord> find(String ref, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1–" + MAX_LIMIT);
        }
        return db.inTenant(tenant, s -> query(s, "from PluginRecordEntity r", ref, PluginRecordEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(HibernateRecordCollection::toRecord).toList());
    }

    @Override
    public long count(String ref) {
        return db.inTenant(tenant, s -> query(s, "select count(*) from PluginRecordEntity r", ref, Long.class)
                .getSingleResult());
    }

    /**
     * One SQL query: the (tenant, model, collection) prefix of the unique index and, for
     * {@code anyRef}, the GIN index on refs ({@code &&}) choose the rows; a range keeps those with a
     * ref between its bounds in byte order ({@code collate "C"}, i.e. code point order in UTF-8, as
     * {@link RecordQuery#compare}).
     */
    @Override
    public List<PluginRecord> query(RecordQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1–" + MAX_LIMIT);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select r.* from plugin_record r where " + where(query, params)
                + " order by r.created_at, r.pk offset " + offset + " limit " + limit;
        return db.inTenant(tenant, s -> {
            NativeQuery<PluginRecordEntity> q = s.createNativeQuery(sql, PluginRecordEntity.class);
            params.forEach(q::setParameter);
            return q.getResultList().stream().map(HibernateRecordCollection::toRecord).toList();
        });
    }

    /** Counts in the database, with the conditions of {@link #query}. */
    @Override
    public long countOf(RecordQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = "select count(*) from plugin_record r where " + where(query, params);
        return db.inTenant(tenant, s -> {
            NativeQuery<Long> q = s.createNativeQuery(sql, Long.class);
            params.forEach(q::setParameter);
            return q.getSingleResult().longValue();
        });
    }

    /** The where clause of a query, its parameters put into {@code params}. */
    private String where(RecordQuery query, Map<String, Object> params) {
        java.util.Objects.requireNonNull(query, "query");
        StringBuilder w = new StringBuilder("r.tenant_id = :tenant and r.model = :model and r.collection = :collection");
        params.put("tenant", tenant);
        params.put("model", model);
        params.put("collection", collection);
        int i = 0;
        for (java.util.Set<String> any : query.anyOf()) {
            List<String> names = new ArrayList<>();
            for (String ref : any) {
                String name = "a" + i + "_" + names.size();
                names.add(":" + name);
                params.put(name, ref);
            }
            w.append(" and r.refs && cast(array[").append(String.join(", ", names)).append("] as varchar[])");
            i++;
        }
        int k = 0;
        for (RecordQuery.Range range : query.ranges()) {
            String lo = "lo" + k;
            String hi = "hi" + k;
            params.put(lo, range.name() + "=" + (range.from() == null ? "" : range.from()));
            // every "name=…" sorts below "name>" ('>' follows '=')
            params.put(hi, range.to() == null ? range.name() + ">" : range.name() + "=" + range.to());
            w.append(" and exists (select 1 from unnest(r.refs) v where v collate \"C\" >= :").append(lo)
                    .append(" and v collate \"C\" < :").append(hi).append(')');
            k++;
        }
        return w.toString();
    }

    @Override
    public boolean delete(String id) {
        requireId(id);
        return db.inTenant(tenant, s -> find(s, id).map(row -> {
            s.remove(row);
            return true;
        }).orElse(false));
    }

    private <T> SelectionQuery<T> query(Session s, String select, String ref, Class<T> type) {
        String hql = select + " where r.model = :model and r.collection = :collection"
                + (ref == null ? "" : " and array_contains(r.refs, :ref)")
                + (type == Long.class ? "" : " order by r.createdAt, r.pk");
        SelectionQuery<T> q = s.createSelectionQuery(hql, type)
                .setParameter("model", model).setParameter("collection", collection);
        return ref == null ? q : q.setParameter("ref", ref);
    }

    /** In SQL naming the tenant: plugins' listeners call this on every case event (ADR 0042). */
    private Optional<PluginRecordEntity> find(Session s, String id) {
        return s.createNativeQuery("select r.* from plugin_record r where r.tenant_id = :tenant and r.model = :model"
                        + " and r.collection = :collection and r.record_id = :id", PluginRecordEntity.class)
                .setParameter("tenant", tenant).setParameter("model", model).setParameter("collection", collection)
                .setParameter("id", id).uniqueResultOptional();
    }

    private static void requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a record id must match " + ID.pattern() + ": " + id);
        }
    }

    private static PluginRecord toRecord(PluginRecordEntity row) {
        return new PluginRecord(row.recordId, row.version, JsonText.object(row.data), row.refs, row.createdAt,
                row.updatedAt);
    }
}
