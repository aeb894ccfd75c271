package org.gongzhi.plugin.api.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by {@link DepartmentConnector#deliver} when the department's system could not take the
 * dispatch now (down, busy, timed out): the platform tries again, quickly within the round and then
 * in rounds of growing delay, not sooner than {@link #retryAfter()}.
 *
 * @since 1.0
 */
public class DepartmentUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public DepartmentUnavailableException(String reason) {
        this(reason, Duration.ZERO);
    }

    /** @param retryAfter how long the system asked to wait (e.g. its {@code Retry-After}); zero for no wish */
    public DepartmentUnavailableException(String reason, Duration retryAfter) {
        super(reason);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
