package org.gongzhi.core.persistence.internal;

import java.util.UUID;
import java.util.function.Supplier;

import org.hibernate.Session;
import org.hibernate.query.QueryFlushMode;

/**
 * Hibernate's own filter behind {@code @TenantId}, and the two hot statements of every step that step around its
 * cost. While any filter is enabled, Hibernate builds a load-by-id's loader and SQL afresh on every call and
 * translates every HQL query afresh; a step of the loop loads its case and reads the journal's last number, so
 * both bypass the filter and check the tenant themselves (ADR 0042).
 */
final class TenantFilter {

    /** Hibernate's name of the filter it enables on a session opened for a tenant. */
    static final String NAME = "_tenantId";
    private static final String PARAMETER = "tenantId";

    private TenantFilter() {
    }

    /**
     * Runs {@code load} with the session's tenant filter off and turns it back on afterwards. {@code load} must
     * check the tenant of what it returns: nothing else does.
     */
    static <T> T bypassed(Session s, Supplier<T> load) {
        if (s.getEnabledFilter(NAME) == null) {
            return load.get();
        }
        s.disableFilter(NAME);
        try {
            return load.get();
        } finally {
            s.enableFilter(NAME).setParameter(PARAMETER, s.getTenantIdentifier());
        }
    }

    /**
     * The number of case {@code caseId}'s last journal entry (0 for none), read in plain SQL without flushing
     * the session first: a journal entry's key is an identity column, so Hibernate inserts it at {@code persist}
     * and none can be waiting for a flush.
     */
    static int lastJournalSeq(Session s, UUID caseId) {
        return s.createNativeQuery("select coalesce(max(seq), 0) from case_journal where case_id = :id", Integer.class)
                .setQueryFlushMode(QueryFlushMode.NO_FLUSH)
                .setParameter("id", caseId).getSingleResult();
    }
}
