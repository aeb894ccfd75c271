package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.Test;

public class MutableClockTest {

    @Test
    public void movesByHandAndAZoneViewFollows() {
        MutableClock clock = new MutableClock("2026-11-30T16:30:00Z");
        Clock beijing = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(LocalDate.now(beijing)).isEqualTo(LocalDate.of(2026, 12, 1));

        clock.advance(Duration.ofHours(1));
        assertThat(beijing.instant()).isEqualTo(Instant.parse("2026-11-30T17:30:00Z"));

        clock.set("2026-01-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(beijing.instant()).isEqualTo(clock.instant());
        assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    }
}
