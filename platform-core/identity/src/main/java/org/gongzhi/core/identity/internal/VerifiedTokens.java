package org.gongzhi.core.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.gongzhi.core.identity.Caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Tokens that passed every check, by their exact text, with the caller they name: a client presents the
 * same token on every request until it expires, and checking an RS256 signature and the claims again
 * each time costs more than the rest of a small request. An entry is dropped at the token's expiry
 * ({@code exp}, without the clock skew the full check allows) or after {@code maxAge}, whichever is
 * first, so a key or realm withdrawn in Keycloak stops being honoured within {@code maxAge}; at most
 * {@value #MAX_ENTRIES} tokens are kept. A {@code maxAge} of zero turns the cache off. Thread-safe.
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Caller caller, Instant expiresAt) {
    }

    private final Cache<String, Entry> cache;
    private final Clock clock;

    VerifiedTokens(Duration maxAge, Clock clock) {
        this.clock = clock;
        this.cache = maxAge.isZero() ? null : Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String token, Entry e) -> {
                    Duration left = Duration.between(clock.instant(), e.expiresAt());
                    return left.compareTo(maxAge) < 0 ? left : maxAge;
                }))
                .build();
    }

    /** The caller of a token verified before and not yet expired, else null. */
    Caller get(String token) {
        if (cache == null) {
            return null;
        }
        Entry e = cache.getIfPresent(token);
        return e == null || !clock.instant().isBefore(e.expiresAt()) ? null : e.caller();
    }

    /** Remembers a token that just passed every check; {@code expiresAt} is its {@code exp}. */
    void put(String token, Caller caller, Instant expiresAt) {
        if (cache != null && clock.instant().isBefore(expiresAt)) {
            cache.put(token, new Entry(caller, expiresAt));
        }
    }

    /** Forgets every token: what is trusted has changed. */
    void clear() {
        if (cache != null) {
            cache.invalidateAll();
        }
    }
}
