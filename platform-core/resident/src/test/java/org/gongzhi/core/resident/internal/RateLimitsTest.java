package org.gongzhi.core.resident.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;
import org.gongzhi.core.service.RateLimitedException;
import org.gongzhi.plugin.tck.MutableClock;
import org.junit.Test;

/** The token buckets against a clock the test moves. */
public class RateLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));
    private final RateLimits limits = new RateLimits(Settings.defaults().limits(), timeOf(clock));

    @Test
    public void oneCodeAMinuteFiveAnHourTenADayPerPhone() {
        limits.code("jizhou", "p1", "203.0.113.1");
        RateLimitedException minute = refused(() -> limits.code("jizhou", "p1", "203.0.113.2"));
        assertThat(minute.field()).isEqualTo("phone");
        assertThat(minute.retryAfterSeconds()).isEqualTo(60);
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofMinutes(1));
            limits.code("jizhou", "p1", "203.0.113.1");
        }
        clock.advance(Duration.ofMinutes(1));
        RateLimitedException hour = refused(() -> limits.code("jizhou", "p1", "203.0.113.1"));
        assertThat(hour.retryAfterSeconds()).as("the hour's window ends 55 minutes later").isEqualTo(55 * 60);
        for (int i = 6; i <= 10; i++) {
            clock.advance(Duration.ofHours(1));
            limits.code("jizhou", "p1", "203.0.113.1");
        }
        clock.advance(Duration.ofHours(1));
        RateLimitedException day = refused(() -> limits.code("jizhou", "p1", "203.0.113.1"));
        assertThat(day.retryAfterSeconds()).as("the day's bucket").isGreaterThan(3600);
        limits.code("jizhou", "p2", "203.0.113.1"); // another phone is not held back
        limits.code("donghu", "p1", "203.0.113.1"); // nor the same number in another district
    }

    @Test
    public void twentyCodesAnHourPerAddressAndTheRefusedPhoneKeepsItsToken() {
        for (int i = 0; i < 20; i++) {
            limits.code("jizhou", "phone-" + i, "198.51.100.7");
        }
        RateLimitedException address = refused(() -> limits.code("jizhou", "phone-20", "198.51.100.7"));
        assertThat(address.field()).isNull();
        assertThat(address.getMessage()).contains("address");
        limits.code("jizhou", "phone-20", "198.51.100.8"); // its phone bucket was not spent by the refusal
        limits.code("jizhou", "phone-21", "198.51.100.9");
    }

    @Test
    public void tenReportsADayPerResidentAndRefundsForReplays() {
        for (int i = 0; i < 9; i++) {
            limits.report("jizhou", "resident:a", "g" + i);
        }
        RateLimits.Permit tenth = limits.report("jizhou", "resident:a", null);
        tenth.refund(); // a replay of an earlier report: nothing new
        limits.report("jizhou", "resident:a", null);
        RateLimitedException day = refused(() -> limits.report("jizhou", "resident:a", "g0"));
        assertThat(day.getMessage()).contains("today");
        assertThat(day.retryAfterSeconds()).isEqualTo(24 * 3600);
        limits.report("jizhou", "resident:b", "g0");
        clock.advance(Duration.ofDays(1));
        limits.report("jizhou", "resident:a", "g0");
    }

    @Test
    public void twoHundredReportsAnHourPerGrid() {
        for (int i = 0; i < 200; i++) {
            limits.report("jizhou", "resident:" + i, "360802001001001");
        }
        RateLimitedException grid = refused(() -> limits.report("jizhou", "resident:x", "360802001001001"));
        assertThat(grid.field()).isEqualTo("gridCode");
        assertThat(grid.retryAfterSeconds()).isEqualTo(3600);
        limits.report("jizhou", "resident:x", "360802001001002"); // the grid's refusal gave the resident's token back
        clock.advance(Duration.ofHours(1));
        limits.report("jizhou", "resident:y", "360802001001001");
    }

    private static RateLimitedException refused(Runnable r) {
        try {
            r.run();
        } catch (RateLimitedException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @Test
    public void retryAfterIsAtLeastASecond() {
        assertThat(new RateLimitedException(null, Duration.ofMillis(10), "x").retryAfterSeconds()).isEqualTo(1);
        assertThat(new RateLimitedException(null, Duration.ofMillis(1500), "x").retryAfterSeconds()).isEqualTo(2);
        assertThatThrownBy(() -> refused(() -> { })).isInstanceOf(AssertionError.class);
    }

    /** The buckets' time read off the test's clock. */
    private static TimeMeter timeOf(MutableClock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
