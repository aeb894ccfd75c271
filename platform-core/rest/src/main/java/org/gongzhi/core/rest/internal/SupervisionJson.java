package org.gongzhi.core.rest.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.gongzhi.core.service.ValidationException;
import org.gongzhi.core.service.supervision.NewOrder;
import org.gongzhi.core.service.supervision.Supervision;
import org.gongzhi.core.service.supervision.SupervisionKind;

/**
 * Wire form of a supervision record (督办记录): kinds and triggers by wire name with their Chinese
 * labels; {@code overdue} as of the answer's moment.
 */
record SupervisionJson(UUID id, String tenant, UUID caseId, String caseNumber, String kind, String kindLabel,
                       String trigger, String triggerLabel, String reason, Instant deadline, String issuedBy,
                       Instant issuedAt, String answer, String answeredBy, Instant answeredAt, boolean listed,
                       Instant publishedAt, boolean overdue) {

    static SupervisionJson of(Supervision s, Instant now) {
        return new SupervisionJson(s.id(), s.tenantId(), s.caseId(), s.caseNumber(), s.kind().wireName(),
                s.kind().labelZh(), s.trigger().wireName(), s.trigger().labelZh(), s.reason(), s.deadline(),
                s.issuedBy(), s.issuedAt(), s.answer(), s.answeredBy(), s.answeredAt(), s.listed(), s.publishedAt(),
                s.overdue(now));
    }

    /**
     * Body of {@code POST …/cases/{id}/supervision}: {@code kind} {@code order} (default) or
     * {@code listed}, the reason, and the deadline — an instant with offset
     * ({@code 2026-12-10T18:00:00+08:00}) or a day ({@code 2026-12-10}: its end, 24:00 in the district).
     */
    record OrderRequest(String kind, String reason, String deadline) {

        NewOrder toOrder(ZoneId zone) {
            SupervisionKind k = null;
            if (kind != null) {
                k = SupervisionKind.fromWireName(kind)
                        .filter(x -> x == SupervisionKind.ORDER || x == SupervisionKind.LISTED)
                        .orElseThrow(() -> new ValidationException("kind",
                                "督办类型须为 order 或 listed (kind must be order or listed): " + kind));
            }
            return new NewOrder(k, reason, deadline(deadline, zone));
        }

        private static Instant deadline(String value, ZoneId zone) {
            if (value == null || value.isBlank()) {
                return null; // the service names the missing field
            }
            String v = value.strip();
            try {
                if (v.length() == 10) {
                    LocalDate day = LocalDate.parse(v);
                    if (day.getYear() < 1) {
                        throw new DateTimeException("year 0");
                    }
                    return day.plusDays(1).atStartOfDay(zone).toInstant();
                }
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeException e) {
                throw new ValidationException("deadline", "答复期限须为带时区的时刻或日期 yyyy-MM-dd (deadline must be an"
                        + " ISO-8601 date-time with offset or a date): " + value);
            }
        }
    }

    /** Body of {@code POST …/supervision/{sid}/answer}. */
    record AnswerRequest(String answer) {
    }
}
