package org.gongzhi.core.service.hotline;

import java.nio.charset.Charset;

import org.gongzhi.core.service.BatchTooLargeException;
import org.gongzhi.core.service.NotFoundException;
import org.gongzhi.core.service.ValidationException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * 12345 热线工单批量导入 — intake of a batch of 12345 hotline tickets (CSV, XML or JSON) as cases
 * with channel {@code hotline}.
 *
 * <p>Implemented by the {@code gongzhi-hotline} bundle; called by the REST API, the shell and
 * integration routes (e.g. a watched folder). Thread-safe; blocks on the database, one
 * transaction per ticket.
 *
 * <p>Contract:
 * <ul>
 *   <li>Each ticket is checked on its own: a malformed ticket is answered
 *       {@link HotlineRowResult.Outcome#REJECTED} naming its field, and the batch goes on.</li>
 *   <li>The ticket number (工单编号) is the idempotency key {@value #KEY_PREFIX}{@code <number>}: a
 *       ticket seen before — in this batch, an earlier one or a concurrent one — creates nothing
 *       and is answered {@link HotlineRowResult.Outcome#DUPLICATE} with the existing case (its
 *       content is not compared).</li>
 *   <li>A batch that cannot be read as its format at all (not CSV, not well-formed XML, not a
 *       JSON array, no ticket-number column) is refused whole with {@link ValidationException};
 *       one over {@value #MAX_ROWS} tickets or {@value #MAX_BYTES} bytes with
 *       {@link BatchTooLargeException}; in both cases nothing is created.</li>
 *   <li>A database failure stops the batch where it is; replaying the batch is safe.</li>
 * </ul>
 * The ticket fields, their Chinese and English names and the district's mapping
 * ({@code tenants/<id>/hotline.yaml}) are described in the bundle's README.
 *
 * @since 1.3
 */
@ProviderType
public interface HotlineIntake {

    /** Most tickets in one batch. */
    int MAX_ROWS = 5000;
    /** Most bytes in one batch (5 MiB). */
    int MAX_BYTES = 5 * 1024 * 1024;
    /** Prefix of the idempotency key of a ticket's case. */
    String KEY_PREFIX = "hotline:";
    /** The journal's actor of the cases made from tickets. */
    String ACTOR = "12345热线";

    /**
     * Imports one batch into district {@code tenantId}.
     *
     * @param batchName name for the result and the log (e.g. the file name); {@code null} or blank:
     *                  one is made up from the format and the time
     * @param content   the raw batch, at most {@value #MAX_BYTES} bytes
     * @param format    how to read it
     * @param charset   encoding of CSV and JSON text (old hotline systems write GBK); {@code null}:
     *                  UTF-8, a byte-order mark tolerated. XML without a charset follows its own
     *                  declaration
     * @return one row result per ticket, in batch order, and the counts
     * @throws NotFoundException      for an unknown district
     * @throws ValidationException    for a batch that cannot be read at all (nothing is created)
     * @throws BatchTooLargeException for a batch over the limits (nothing is created)
     */
    HotlineBatchResult importBatch(String tenantId, String batchName, byte[] content, HotlineFormat format,
                                   Charset charset);
}
