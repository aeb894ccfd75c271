package org.gongzhi.core.service;

import java.time.Instant;

import org.gongzhi.core.casework.CaseStatus;

/**
 * Filters for listing cases; null fields do not filter. {@code gridCode} matches the grid and
 * everything below it; {@code scope} confines the result to what the caller may see. Results
 * are ordered newest first.
 */
public record CaseQuery(CaseStatus status, String gridCode, String department, String categoryCode,
                        String channel, Boolean overdue, Instant reportedFrom, Instant reportedTo,
                        int offset, int limit, CaseScope scope) {
    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 200;

    /** A query over the whole district. */
    public CaseQuery(CaseStatus status, String gridCode, String department, String categoryCode, String channel,
                     Boolean overdue, Instant reportedFrom, Instant reportedTo, int offset, int limit) {
        this(status, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo, offset, limit,
                CaseScope.district());
    }

    /** The same query confined to {@code visible}. */
    public CaseQuery within(CaseScope visible) {
        return new CaseQuery(status, gridCode, department, categoryCode, channel, overdue, reportedFrom, reportedTo,
                offset, limit, visible);
    }

    public CaseQuery {
        scope = scope == null ? CaseScope.district() : scope;
        if (offset < 0) {
            throw new ValidationException("offset", "offset 不能为负数 (must not be negative)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", "limit 须在 1–" + MAX_LIMIT + " 之间 (must be 1–" + MAX_LIMIT + ")");
        }
    }
}
