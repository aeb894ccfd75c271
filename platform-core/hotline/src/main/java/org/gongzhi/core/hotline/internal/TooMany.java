package org.gongzhi.core.hotline.internal;

import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.hotline.HotlineIntake;

/** The refusals of batches over the limits. */
final class TooMany {

    private TooMany() {
    }

    static BatchTooLargeException rows() {
        return new BatchTooLargeException("一个批次最多 " + HotlineIntake.MAX_ROWS + " 条工单，请拆分后再导入 (a batch holds at most "
                + HotlineIntake.MAX_ROWS + " tickets; split it)");
    }

    static BatchTooLargeException bytes() {
        return new BatchTooLargeException("一个批次最大 5 MiB，请拆分后再导入 (a batch is at most 5 MiB; split it)");
    }
}
