package org.gongzhi.core.service.kpi;

import java.util.List;

/**
 * Key figures of one tenant's period split by one dimension, one {@link KpiRow} per group.
 * Groups appear in the order of the district's definition (grid tree, department list), of the
 * enums (family, channel) or of time (month); the group with a null key comes last. A breakdown by
 * month has a row for every month the period touches, empty months included; the others have a
 * row for every group with a case reported in the period or open now.
 *
 * @param dimension the wire name of the {@link KpiDimension}
 * @param level     for {@code grid}, the level rolled up to ({@code street}, {@code community} or
 *                  {@code grid}); null for the other dimensions
 * @param rows      the groups
 * @since 1.1
 */
public record KpiBreakdown(String dimension, String level, List<KpiRow> rows) {

    public KpiBreakdown {
        rows = List.copyOf(rows);
    }
}
