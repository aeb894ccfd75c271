package org.gongzhi.plugin.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What the core knows about a case when it asks a {@link TriagePolicy}: a read-only snapshot.
 *
 * @param tenantId     district id, e.g. {@code jizhou}
 * @param caseNumber   the case number shown to operators
 * @param categoryCode leaf category code, e.g. {@code CM0101}
 * @param defaultTier  the category's own tier: {@code simple}, {@code coordination} or {@code difficult}
 * @param gridCode     grid the case belongs to (may be a street or community code)
 * @param channel      intake channel wire name, e.g. {@code hotline}
 * @param title        short description given at intake
 * @param reportedAt   when the case came in
 * @since 1.0
 */
public record CaseFacts(String tenantId, String caseNumber, String categoryCode, String defaultTier, String gridCode,
                        String channel, String title, Instant reportedAt) {
    public CaseFacts {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }
}
