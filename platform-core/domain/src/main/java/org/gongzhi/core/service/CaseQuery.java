package org.gongzhi.core.service;

import java.time.Instant;

import org.gongzhi.core.casework.CaseStatus;

/**
 * Filters for listing cases; null fields do not filter. {@code gridCode} matches the grid and
 * everything below it. Results are ordered newest first.
 */
public record CaseQuery(CaseStatus status, String gridCode, String department, String categoryCode,
                        String channel, Boolean overdue, Instant reportedFrom, Instant reportedTo,
                        int offset, int limit) {
    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 200;

    public CaseQuery {
        if (offset < 0) {
            throw new ValidationException("offset", "offset 不能为负数 (must not be negative)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit 须在 1–" + MAX_LIMIT + " 之间 (must be 1–" + MAX_LIMIT + ")");
        }
    }
}
