package org.gongzhi.core.service.supervision;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One supervision record on a case (督办记录). Reminders ({@link SupervisionKind#REMINDER}) carry no
 * deadline and are never answered; every other kind is an order (督办件) with a deadline that the
 * handler answers once.
 *
 * @param id          the record's id
 * @param tenantId    the district
 * @param caseId      the case
 * @param caseNumber  the case number shown to people
 * @param kind        what it is
 * @param trigger     why it was written
 * @param reason      the reason as written by the issuer, or the rule's text for automatic records
 *                    (staff text, never a resident's)
 * @param deadline    by when the order must be answered; {@code null} for a reminder
 * @param issuedBy    who issued it: a user name, or {@code supervision} for the sweep
 * @param issuedAt    when
 * @param answer      the handler's answer, or {@code null} while unanswered
 * @param answeredBy  who answered, or {@code null}
 * @param answeredAt  when, or {@code null}
 * @param publishedAt when a listed matter was published on the district's list, or {@code null}
 */
public record Supervision(UUID id, String tenantId, UUID caseId, String caseNumber, SupervisionKind kind,
                          SupervisionTrigger trigger, String reason, Instant deadline, String issuedBy,
                          Instant issuedAt, String answer, String answeredBy, Instant answeredAt,
                          Instant publishedAt) {

    /** Checks the required components. */
    public Supervision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(issuedAt, "issuedAt");
    }

    /** Whether it is on the district's list of major matters (挂牌督办). */
    public boolean listed() {
        return kind == SupervisionKind.LISTED;
    }

    /** Whether a listed matter was published. */
    public boolean published() {
        return publishedAt != null;
    }

    /** Whether the handler answered. */
    public boolean answered() {
        return answeredAt != null;
    }

    /** Whether an order's deadline passed without an answer at {@code now}; never for a reminder. */
    public boolean overdue(Instant now) {
        return kind.isOrder() && !answered() && deadline != null && !now.isBefore(deadline);
    }
}
