package org.gongzhi.core.integration.internal;

import java.time.Duration;

/** The department's system could not take a dispatch now (5xx, 408, 429…): try again later. */
final class DepartmentUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Duration retryAfter;

    DepartmentUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    /** What the department asked for ({@code Retry-After}), zero when it did not say. */
    Duration retryAfter() {
        return retryAfter;
    }
}
