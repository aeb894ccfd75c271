package org.gongzhi.core.service;

import java.util.List;

/**
 * One page of results and the number of matches: {@code total} is exact when {@code totalExact}, otherwise a
 * lower bound (a capped count: at least {@code total} match, e.g. "1,000+"; which lists cap says their service).
 *
 * @since 2.1 ({@code totalExact})
 */
public record Page<T>(List<T> items, long total, int offset, int limit, boolean totalExact) {
    public Page {
        items = List.copyOf(items);
    }

    /** A page with an exact total (the constructor of version 2.0). */
    public Page(List<T> items, long total, int offset, int limit) {
        this(items, total, offset, limit, true);
    }
}
