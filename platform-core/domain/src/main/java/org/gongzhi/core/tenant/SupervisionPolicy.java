package org.gongzhi.core.tenant;

import java.time.Duration;
import java.util.Objects;

/**
 * A district's supervision rules (督办规则), from the optional {@code supervision:} section of
 * {@code tenant.yaml}; {@link #defaults()} when the section or one of its keys is absent. Immutable.
 * Reminders (催办) at the warning and at the due time are not configurable: every district sends them.
 *
 * @param escalateAfterOverdue how long past its due time a case is escalated to the city (提级督办),
 *                             wall clock; between 1 hour and 30 days (default 3 days)
 * @param escalateAfterReworks after how many failed verifications (返工) a case is escalated; 1–10
 *                             (default 3, the 12345 norm)
 * @param answerWithin         the deadline the handler gets to answer an escalation, wall clock from
 *                             the escalation; between 1 hour and 30 days (default 3 days)
 * @since 1.4
 */
public record SupervisionPolicy(Duration escalateAfterOverdue, int escalateAfterReworks, Duration answerWithin) {

    /** Default margin past the due time: 3 days. */
    public static final Duration DEFAULT_ESCALATE_AFTER_OVERDUE = Duration.ofDays(3);
    /** Default reworks before escalation: the third (12345 norm). */
    public static final int DEFAULT_ESCALATE_AFTER_REWORKS = 3;
    /** Default time to answer an escalation: 3 days. */
    public static final Duration DEFAULT_ANSWER_WITHIN = Duration.ofDays(3);
    /** Shortest duration of the policy. */
    public static final Duration MIN_DURATION = Duration.ofHours(1);
    /** Longest duration of the policy. */
    public static final Duration MAX_DURATION = Duration.ofDays(30);
    /** Most reworks the policy may wait for. */
    public static final int MAX_REWORKS = 10;

    /** Checks the components, naming the key in the message. */
    public SupervisionPolicy {
        check(escalateAfterOverdue, "escalateAfterOverdue");
        check(answerWithin, "answerWithin");
        if (escalateAfterReworks < 1 || escalateAfterReworks > MAX_REWORKS) {
            throw new IllegalArgumentException("escalateAfterReworks must be 1–" + MAX_REWORKS + ": "
                    + escalateAfterReworks);
        }
    }

    /** The rules of a district that defines none. */
    public static SupervisionPolicy defaults() {
        return new SupervisionPolicy(DEFAULT_ESCALATE_AFTER_OVERDUE, DEFAULT_ESCALATE_AFTER_REWORKS,
                DEFAULT_ANSWER_WITHIN);
    }

    private static void check(Duration d, String key) {
        Objects.requireNonNull(d, key);
        if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(key + " must be between 1 hour and 30 days: " + d);
        }
    }
}
