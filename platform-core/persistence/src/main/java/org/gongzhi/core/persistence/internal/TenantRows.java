package org.gongzhi.core.persistence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gongzhi.core.tenant.TenantDefinition;

/** The district rows in table {@code tenant} and the purge of a deleted district's data. */
final class TenantRows {

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
                    "tenant_plugin", "report_archive",
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

    /** Creates the row or describes it anew; a deleted district becomes active again. */
    TenantEntity upsert(TenantDefinition t, Instant now) {
        return db.inTenant(t.id(), session -> {
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
            return row;
        });
    }

    TenantEntity changeStatus(String id, String status, String reason, Instant now) {
        return db.inTenant(id, session -> {
            TenantEntity row = session.find(TenantEntity.class, id);
            row.changeStatus(status, reason, now);
            return row;
        });
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
            return null;
        });
    }
}
