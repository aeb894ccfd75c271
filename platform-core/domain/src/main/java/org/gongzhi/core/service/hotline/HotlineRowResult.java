package org.gongzhi.core.service.hotline;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.gongzhi.core.service.cases.IntakeResult;

/**
 * What became of one ticket of a 12345 hotline batch.
 *
 * @param row          1-based number of the data row (CSV, header not counted) or of the ticket
 *                     element (XML) or array element (JSON)
 * @param ticketNumber the ticket number (工单编号) when it could be read, else {@code null}
 * @param outcome      created, duplicate or rejected
 * @param caseId       the case made or found; {@code null} when rejected
 * @param caseNumber   its number (案件编号); {@code null} when rejected
 * @param field        the offending ticket field when rejected (e.g. {@code category}), else {@code null}
 * @param message      why it was rejected, Chinese first with English in brackets; else {@code null}
 * @since 1.3
 */
public record HotlineRowResult(int row, String ticketNumber, Outcome outcome, UUID caseId, String caseNumber,
                               String field, String message) {

    /** Outcome of a ticket; the wire name is the lower-case constant. */
    public enum Outcome {
        /** A new case (新建). */
        CREATED,
        /** The case existed already (重复, idempotent replay). */
        DUPLICATE,
        /** Refused (退回): see field and message. */
        REJECTED;

        /** {@code created}, {@code duplicate} or {@code rejected}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Requires the outcome. */
    public HotlineRowResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    /** A ticket that became a case or found its earlier one. */
    public static HotlineRowResult accepted(int row, String ticketNumber, IntakeResult intake) {
        return new HotlineRowResult(row, ticketNumber, intake.created() ? Outcome.CREATED : Outcome.DUPLICATE,
                intake.kase().id(), intake.kase().number(), null, null);
    }

    /** A refused ticket. */
    public static HotlineRowResult rejected(int row, String ticketNumber, String field, String message) {
        return new HotlineRowResult(row, ticketNumber, Outcome.REJECTED, null, null, field, message);
    }
}
