package org.gongzhi.core.service;

import java.time.Duration;

/**
 * Too many requests of one kind from one source (a phone number, an address, a grid) in a period:
 * the caller may try again after {@link #retryAfter()}. REST answers 429 with {@code Retry-After}.
 * The message names the limit, never the source (a phone number is personal data).
 *
 * @since 1.6
 */
public class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final Duration retryAfter;

    /**
     * @param field      the input the limit counts by ({@code phone}, {@code gridCode}…), or {@code null}
     * @param retryAfter when a new try may succeed; at least one second is reported
     */
    public RateLimitedException(String field, Duration retryAfter, String message) {
        super(message);
        this.field = field;
        this.retryAfter = retryAfter == null || retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    /** The input the limit counts by, or {@code null}. */
    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up, at least 1 (the {@code Retry-After} header). */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
