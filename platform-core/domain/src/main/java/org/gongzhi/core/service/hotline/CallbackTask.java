package org.gongzhi.core.service.hotline;

import java.time.Instant;
import java.util.UUID;

/**
 * One closed hotline case on the callback list (回访清单). Carries the caller's name and phone:
 * for staff with the callback roles only; never log it, never put it on a public view.
 *
 * @param ticketNumber   the hotline's ticket number (工单编号), {@code null} for a hotline case entered by hand
 * @param callerName     the caller's name as the ticket gave it, or {@code null}
 * @param callerPhone    the caller's phone as the ticket gave it (possibly masked), or {@code null}
 * @param leadDepartment the department that handled it, or {@code null}
 * @param failedAttempts callback attempts since the close that did not reach the caller
 * @param lastAttemptAt  when the last of them was made, or {@code null}
 * @param maxAttempts    the district's {@code callbackAttempts}
 * @since 1.1
 */
public record CallbackTask(UUID caseId, String caseNumber, String ticketNumber, String title, String callerName,
                           String callerPhone, Instant closedAt, String leadDepartment, int failedAttempts,
                           Instant lastAttemptAt, int maxAttempts, CallbackState state) {
}
