package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.core.tenant.TenantDefinition;
import org.hibernate.Session;

/**
 * The district rows in table {@code tenant}, their stored definitions (V35) and the purge of a deleted
 * district's data. Every change announces the district on {@link #CHANNEL} in its transaction, so that
 * the other nodes re-read it when it commits.
 */
final class TenantRows {

    /** The channel every node's catalog listens on; the payload is the district id. */
    static final String CHANNEL = "gongzhi_tenant_catalog";

    static final String ACTIVE = "ACTIVE";
    static final String SUSPENDED = "SUSPENDED";
    static final String DELETED = "DELETED";

    /**
     * Tenant-owned tables, children first: what a forced delete removes. A new tenant-owned
     * table must be added here (the purge test checks that no row of the district is left).
     */
    private static final List<String> OWNED_TABLES =
            List.of("notification_outbox", "notification_preference", "notification_template",
                    "department_update", "dispatch_outbox", "hotline_callback", "evidence", "case_journal", "case_record",
                    "plugin_record",
                    "tenant_plugin", "tenant_definition_file", "report_archive",
                    "resident_code", "resident_session", "district_mode_switch", "district_mode");

    private final Database db;

    TenantRows(Database db) {
        this.db = db;
    }

    /** Every row by id, deleted ones included. */
    Map<String, TenantEntity> all() {
        return db.inTenant(TenantDefinition.RESERVED_ID, s -> s.createSelectionQuery("from TenantEntity", TenantEntity.class)
                .getResultList().stream().collect(Collectors.toMap(TenantEntity::id, Function.identity())));
    }

    /** The row of {@code id}, deleted or not. */
    Optional<TenantEntity> find(String id) {
        return Optional.ofNullable(db.inTenant(id, s -> s.find(TenantEntity.class, id)));
    }

    /** The definition files stored for {@code id} by name; empty when it was never stored. */
    Map<String, String> definitionFiles(String id) {
        Map<String, String> files = new LinkedHashMap<>();
        db.inTenant(id, s -> s.createNativeQuery("select name, content from tenant_definition_file where tenant_id = :t"
                + " order by name", Object[].class).setParameter("t", id).getResultList())
                .forEach(row -> files.put((String) row[0], (String) row[1]));
        return files;
    }

    /** Creates the row or describes it anew; a deleted district becomes active again. */
    TenantEntity upsert(TenantDefinition t, Instant now) {
        return upsert(t, now, Map.of());
    }

    /**
     * {@link #upsert(TenantDefinition, Instant)} that also stores the definition's {@code files} (name to
     * content; none: left as they are) for the other nodes, in the same transaction.
     */
    TenantEntity upsert(TenantDefinition t, Instant now, Map<String, String> files) {
        return db.inTenant(t.id(), session -> {
            if (!files.isEmpty()) {
                session.createNativeMutationQuery("delete from tenant_definition_file where tenant_id = :t")
                        .setParameter("t", t.id()).executeUpdate();
            }
            TenantEntity row = session.find(TenantEntity.class, t.id());
            boolean added = row == null;
            if (added) {
                row = new TenantEntity(t.id(), now);
            } else if (DELETED.equals(row.status())) {
                row.changeStatus(ACTIVE, null, now);
            }
            row.describe(t.name(), t.nameEn(), t.city(), t.adminCode());
            if (added) {
                session.persist(row);
            }
            session.flush(); // the files reference the row
            files.forEach((name, content) -> session.createNativeMutationQuery("insert into tenant_definition_file"
                    + " (tenant_id, name, content) values (:t, :n, :c)").setParameter("t", t.id()).setParameter("n", name)
                    .setParameter("c", content).executeUpdate());
            announce(session, t.id());
            return row;
        });
    }

    TenantEntity changeStatus(String id, String status, String reason, Instant now) {
        return db.inTenant(id, session -> {
            TenantEntity row = session.find(TenantEntity.class, id);
            row.changeStatus(status, reason, now);
            announce(session, id);
            return row;
        });
    }

    /** Tells every node's catalog, when the session's transaction commits, that district {@code id} changed. */
    static void announce(Session session, String id) {
        session.createNativeQuery("select pg_notify(:c, :t)", Object.class).setParameter("c", CHANNEL)
                .setParameter("t", id).getSingleResult();
    }

    long cases(String id) {
        return db.inTenant(id, s -> s.createSelectionQuery("select count(*) from CaseEntity", Long.class).getSingleResult());
    }

    /** Removes every row the district owns and leaves its tenant row as a DELETED tombstone, in one transaction. */
    void purge(String id, Instant now) {
        db.inTenant(id, session -> {
            for (String table : OWNED_TABLES) {
                session.createNativeMutationQuery("delete from " + table + " where tenant_id = :t")
                        .setParameter("t", id).executeUpdate();
            }
            session.find(TenantEntity.class, id).changeStatus(DELETED, null, now);
            announce(session, id);
            return null;
        });
    }
}
