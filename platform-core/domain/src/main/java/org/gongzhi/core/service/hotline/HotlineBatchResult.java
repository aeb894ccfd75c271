package org.gongzhi.core.service.hotline;

import java.util.List;

/**
 * What became of a 12345 hotline batch: the counts and one result per ticket, in batch order.
 * The counts add up to the number of rows.
 *
 * @param batchName  the batch's name as given or made up
 * @param created    tickets that became new cases
 * @param duplicates tickets whose case existed already (replay)
 * @param rejected   tickets refused, each naming its field
 * @param rows       one result per ticket, unmodifiable
 * @since 1.3
 */
public record HotlineBatchResult(String batchName, int created, int duplicates, int rejected,
                                 List<HotlineRowResult> rows) {

    /** Copies the rows. */
    public HotlineBatchResult {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** The result of {@code rows}, counted. */
    public static HotlineBatchResult of(String batchName, List<HotlineRowResult> rows) {
        int created = 0;
        int duplicates = 0;
        int rejected = 0;
        for (HotlineRowResult r : rows) {
            switch (r.outcome()) {
                case CREATED -> created++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
        }
        return new HotlineBatchResult(batchName, created, duplicates, rejected, rows);
    }
}
