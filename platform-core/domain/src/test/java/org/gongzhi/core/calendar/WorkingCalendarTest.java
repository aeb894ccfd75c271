package org.gongzhi.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.Test;

public class WorkingCalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 2026 Spring Festival: 02-15..02-23 off; Saturdays 02-14 and 02-28 are make-up workdays. */
    static WorkingCalendar springFestival2026() {
        Set<LocalDate> holidays = new HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 2, 15); !d.isAfter(LocalDate.of(2026, 2, 23)); d = d.plusDays(1)) {
            holidays.add(d);
        }
        return new WorkingCalendar(SHANGHAI, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays,
                Set.of(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28)));
    }

    static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    private final WorkingCalendar plain = WorkingCalendar.chinaDefault();
    private final WorkingCalendar festival = springFestival2026();

    @Test
    public void chinaDefault() {
        assertThat(plain.zone()).isEqualTo(SHANGHAI);
        assertThat(plain.weekend()).containsExactly(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(plain.holidays()).isEmpty();
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 3, 6))).isTrue();   // Friday
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 3, 7))).isFalse();  // Saturday
        assertThat(plain.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();  // Sunday
    }

    @Test
    public void holidaysAndMakeUpDays() {
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 13))).isTrue();  // Friday
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();  // make-up Saturday
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse(); // Monday, holiday
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 23))).isFalse(); // Monday, last holiday
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 24))).isTrue();
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();  // make-up Saturday
        assertThat(festival.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();  // Sunday
    }

    @Test
    public void plusWorkingDaysOverWeekend() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertThat(plain.plusWorkingDays(friday, 0)).isEqualTo(friday);
        assertThat(plain.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(plain.plusWorkingDays(friday, 5)).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(plain.plusWorkingDays(LocalDate.of(2026, 3, 7), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThatThrownBy(() -> plain.plusWorkingDays(friday, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void plusWorkingDaysOverSpringFestival() {
        LocalDate thursday = LocalDate.of(2026, 2, 12);
        assertThat(festival.plusWorkingDays(thursday, 1)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(festival.plusWorkingDays(thursday, 2)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(festival.plusWorkingDays(thursday, 3)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(festival.plusWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
        assertThat(festival.plusWorkingDays(LocalDate.of(2026, 2, 27), 1)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(festival.plusWorkingDays(LocalDate.of(2026, 2, 27), 2)).isEqualTo(LocalDate.of(2026, 3, 2));
        // start inside the holiday: the start day is not counted, the next working day is 02-24
        assertThat(festival.plusWorkingDays(LocalDate.of(2026, 2, 18), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    public void dueAfterWorkingDaysEndsAt2400Local() {
        // Friday 09:00, 5 working days: Mon 9 .. Fri 13, due at 24:00 of Friday 13 (= Sat 14 00:00 +08)
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-03-06T09:00"), 5))
                .isEqualTo(Instant.parse("2026-03-13T16:00:00Z"));
        // Spring Festival: Friday 02-13 + 5 working days = 02-27 (make-up 02-14 counts)
        assertThat(festival.dueAfterWorkingDays(shanghai("2026-02-13T10:00"), 5))
                .isEqualTo(shanghai("2026-02-28T00:00"));
        // same period without the make-up day ends later
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-02-13T10:00"), 5))
                .isEqualTo(shanghai("2026-02-21T00:00"));
    }

    @Test
    public void startOnAWeekend() {
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-03-07T10:00"), 1)).isEqualTo(shanghai("2026-03-10T00:00"));
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-03-08T23:00"), 1)).isEqualTo(shanghai("2026-03-10T00:00"));
        // a make-up Saturday is a working day but the start day itself is never counted
        assertThat(festival.dueAfterWorkingDays(shanghai("2026-02-14T10:00"), 1)).isEqualTo(shanghai("2026-02-25T00:00"));
    }

    @Test
    public void localDateIsTakenInShanghaiNotUtc() {
        // 00:30 Friday in Shanghai is still Thursday 16:30 in UTC
        Instant start = Instant.parse("2026-03-05T16:30:00Z");
        assertThat(start.atZone(ZoneId.of("UTC")).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(plain.dueAfterWorkingDays(start, 1)).isEqualTo(shanghai("2026-03-10T00:00"));
        // 23:59 Friday in Shanghai: same local day, same due instant
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-03-06T23:59"), 1)).isEqualTo(shanghai("2026-03-10T00:00"));
        // 23:59 Thursday in Shanghai: due end of Friday
        assertThat(plain.dueAfterWorkingDays(shanghai("2026-03-05T23:59"), 1)).isEqualTo(shanghai("2026-03-07T00:00"));
    }

    @Test
    public void hoursAreWallClock() {
        assertThat(plain.dueAfterHours(shanghai("2026-03-06T23:00"), Duration.ofHours(2)))
                .isEqualTo(shanghai("2026-03-07T01:00"));
        assertThatThrownBy(() -> plain.dueAfterHours(Instant.EPOCH, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void workingDaysBetween() {
        assertThat(festival.workingDaysBetween(LocalDate.of(2026, 2, 13), LocalDate.of(2026, 2, 27))).isEqualTo(5);
        assertThat(festival.workingDaysBetween(LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 23))).isZero();
        assertThat(festival.workingDaysBetween(LocalDate.of(2026, 2, 27), LocalDate.of(2026, 2, 13))).isEqualTo(-5);
        assertThat(plain.workingDaysBetween(LocalDate.of(2026, 3, 6), LocalDate.of(2026, 3, 6))).isZero();
        for (int n = 0; n < 30; n++) {
            LocalDate start = LocalDate.of(2026, 2, 10);
            assertThat(festival.workingDaysBetween(start, festival.plusWorkingDays(start, n))).isEqualTo(n);
        }
    }

    @Test
    public void validation() {
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, EnumSet.allOf(DayOfWeek.class), Set.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weekend");
        LocalDate d = LocalDate.of(2026, 2, 14);
        assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI, Set.of(), Set.of(d), Set.of(d)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-02-14");
        assertThatThrownBy(() -> new WorkingCalendar(null, Set.of(), Set.of(), Set.of()))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    public void equality() {
        assertThat(springFestival2026()).isEqualTo(festival).hasSameHashCodeAs(festival);
        assertThat(festival).isNotEqualTo(plain);
    }
}
