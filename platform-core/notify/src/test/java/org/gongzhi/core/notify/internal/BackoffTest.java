package org.gongzhi.core.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.Test;

public class BackoffTest {

    private static final Instant T = Instant.parse("2026-11-02T04:00:00Z");

    @Test
    public void theDelayDoublesUpToItsCeilingAndEndsAfterTheLastAttempt() {
        Backoff b = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);
        assertThat(b.next(1, T)).contains(T.plusSeconds(30));
        assertThat(b.next(2, T)).contains(T.plusSeconds(60));
        assertThat(b.next(3, T)).contains(T.plusSeconds(120));
        assertThat(b.next(4, T)).contains(T.plusSeconds(240));
        assertThat(b.next(5, T)).contains(T.plusSeconds(300));
        assertThat(b.next(6, T)).isEmpty();
    }

    @Test
    public void aHugeAttemptNumberDoesNotOverflow() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1), Integer.MAX_VALUE);
        assertThat(b.next(1_000, T)).contains(T.plus(Duration.ofHours(1)));
    }
}
