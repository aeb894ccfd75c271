package org.gongzhi.core.service.hotline;

import java.util.UUID;

/**
 * What a recorded callback attempt left.
 *
 * @param failedAttempts attempts since the close that did not reach the caller, this one included
 * @param state          {@link CallbackState#EVALUATED} when reached; else {@link CallbackState#DUE} or,
 *                       after the last allowed attempt, {@link CallbackState#UNREACHABLE}
 * @since 1.1
 */
public record CallbackResult(UUID caseId, String caseNumber, boolean reached, Integer satisfaction,
                             int failedAttempts, int maxAttempts, CallbackState state) {
}
