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
 * @param categoryFamily the category's family: {@link DistrictCategory#CITY_MANAGEMENT},
 *                     {@link DistrictCategory#LIVELIHOOD} or {@link DistrictCategory#COMPREHENSIVE_GOVERNANCE};
 *                     null when the code is not one of the district's (since 1.3)
 * @param categoryName the category's Chinese name, e.g. 暴露垃圾; null when the code is not one of the
 *                     district's (since 1.3)
 * @param leadDepartmentKind kind of the case's lead department (牵头部门), e.g. {@code CITY_MANAGEMENT}:
 *                     of the department it was dispatched to, or before a dispatch the kind the category
 *                     is handled by; null when neither is known (since 1.3)
 * @since 1.0
 */
public record CaseFacts(String tenantId, String caseNumber, String categoryCode, String defaultTier, String gridCode,
                        String channel, String title, Instant reportedAt, String categoryFamily, String categoryName,
                        String leadDepartmentKind) {
    public CaseFacts {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(categoryCode, "categoryCode");
        Objects.requireNonNull(reportedAt, "reportedAt");
    }

    /**
     * Facts as of API 1.0 to 1.2: family, category name and lead department kind unknown (null).
     * Plugins' tests written before 1.3 keep compiling; new code gives all the facts.
     */
    public CaseFacts(String tenantId, String caseNumber, String categoryCode, String defaultTier, String gridCode,
                     String channel, String title, Instant reportedAt) {
        this(tenantId, caseNumber, categoryCode, defaultTier, gridCode, channel, title, reportedAt, null, null, null);
    }
}
