package org.gongzhi.core.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.gongzhi.core.identity.Caller;
import org.junit.Test;

public class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
    private static final Caller CALLER = new Caller("jizhou", "sub-1", "jz-admin", Set.of("dispatcher"), "gongzhi-web",
            null, Set.of());

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    @Test
    public void aTokenIsTrustedAgainUntilItsExpiry() {
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), clock);
        tokens.put("token-a", CALLER, T0.plusSeconds(30));

        assertThat(tokens.get("token-a")).isEqualTo(CALLER);
        assertThat(tokens.get("token-b")).isNull();
        clock.now = T0.plusSeconds(29);
        assertThat(tokens.get("token-a")).isEqualTo(CALLER);
        clock.now = T0.plusSeconds(30);
        assertThat(tokens.get("token-a")).as("at exp the full check decides again").isNull();
    }

    @Test
    public void aLongLivedTokenIsCheckedAgainAfterTheMaximumAge() {
        MovingClock clock = new MovingClock();
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), clock);
        tokens.put("token-a", CALLER, T0.plusSeconds(3600));
        clock.now = T0.plusSeconds(59);
        assertThat(tokens.get("token-a")).isEqualTo(CALLER);
        clock.now = T0.plusSeconds(61);
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    public void anExpiredTokenIsNotRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), new MovingClock());
        tokens.put("token-a", CALLER, T0);
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    public void clearForgetsEveryToken() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ofSeconds(60), new MovingClock());
        tokens.put("token-a", CALLER, T0.plusSeconds(300));
        tokens.clear();
        assertThat(tokens.get("token-a")).isNull();
    }

    @Test
    public void zeroTurnsTheCacheOff() {
        VerifiedTokens tokens = new VerifiedTokens(Duration.ZERO, new MovingClock());
        tokens.put("token-a", CALLER, T0.plusSeconds(300));
        assertThat(tokens.get("token-a")).isNull();
    }
}
