package org.gongzhi.core.service.hotline;

/**
 * The result of one call to the caller.
 *
 * @param reached      whether the caller was reached (and answered)
 * @param satisfaction when reached: 1–5 as the case's evaluation (the console offers 满意 5, 基本满意 4,
 *                     不满意 1, ADR 0030); when not reached: {@code null}
 * @param note         what the seat notes (staff only, journaled), at most {@value HotlineCallbacks#MAX_NOTE}
 *                     characters, or {@code null}
 * @since 1.1
 */
public record CallbackAttempt(boolean reached, Integer satisfaction, String note) {
}
