package org.gongzhi.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gongzhi.core.calendar.WorkingCalendarTest.shanghai;

import java.time.Duration;
import java.time.Instant;
import org.gongzhi.core.casework.SlaTier;
import org.junit.Test;

public class SlaClockTest {

    private final SlaClock clock = new SlaClock(WorkingCalendar.chinaDefault(), SlaPolicy.defaults());
    private final SlaClock festival = new SlaClock(WorkingCalendarTest.springFestival2026(), SlaPolicy.defaults());

    @Test
    public void defaults() {
        SlaPolicy p = SlaPolicy.defaults();
        assertThat(p.simple()).isEqualTo(Duration.ofHours(2));
        assertThat(p.coordinationWorkingDays()).isEqualTo(5);
        assertThat(p.difficultWorkingDays()).isEqualTo(15);
        assertThat(p.warningRatio()).isEqualTo(0.8);
        assertThat(p.workingDays(SlaTier.DIFFICULT)).isEqualTo(15);
        assertThatThrownBy(() -> p.workingDays(SlaTier.SIMPLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void policyValidation() {
        assertThatThrownBy(() -> new SlaPolicy(Duration.ZERO, 5, 15, 0.8)).hasMessageContaining("simple");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 0, 15, 0.8)).hasMessageContaining("coordination");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 5, -1, 0.8)).hasMessageContaining("difficult");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 5, 15, 0.0)).hasMessageContaining("warningRatio");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 5, 15, 1.0)).hasMessageContaining("warningRatio");
        assertThatThrownBy(() -> new SlaPolicy(Duration.ofHours(2), 5, 15, Double.NaN)).hasMessageContaining("warningRatio");
    }

    @Test
    public void dueAtPerTier() {
        Instant start = shanghai("2026-03-06T09:00");
        assertThat(clock.dueAt(SlaTier.SIMPLE, start)).isEqualTo(shanghai("2026-03-06T11:00"));
        assertThat(clock.dueAt(SlaTier.COORDINATION, start)).isEqualTo(shanghai("2026-03-14T00:00"));
        // 15 working days from Fri 03-06: three full weeks, ending Fri 03-27
        assertThat(clock.dueAt(SlaTier.DIFFICULT, start)).isEqualTo(shanghai("2026-03-28T00:00"));
        assertThat(clock.dueAt(2, start)).isEqualTo(shanghai("2026-03-11T00:00"));
        assertThat(festival.dueAt(SlaTier.COORDINATION, shanghai("2026-02-13T18:00"))).isEqualTo(shanghai("2026-02-28T00:00"));
    }

    @Test
    public void twoHourTierCrossesMidnightAndWeekend() {
        assertThat(clock.dueAt(SlaTier.SIMPLE, shanghai("2026-03-06T23:00"))).isEqualTo(shanghai("2026-03-07T01:00"));
    }

    @Test
    public void extendCountsFromTheDueDate() {
        // due end of Fri 03-13, postponed 2 working days: Mon 16, Tue 17 → end of Tue 17
        assertThat(clock.extend(shanghai("2026-03-14T00:00"), 2)).isEqualTo(shanghai("2026-03-18T00:00"));
        // over the Spring Festival: end of 02-13 + 2 = make-up Sat 02-14, Tue 02-24
        assertThat(festival.extend(shanghai("2026-02-14T00:00"), 2)).isEqualTo(shanghai("2026-02-25T00:00"));
        // a wall-clock due instant keeps its time of day
        assertThat(clock.extend(shanghai("2026-03-06T16:00"), 1)).isEqualTo(shanghai("2026-03-09T16:00"));
        assertThat(clock.extend(shanghai("2026-03-06T16:00"), 0)).isEqualTo(shanghai("2026-03-06T16:00"));
        assertThatThrownBy(() -> clock.extend(Instant.EPOCH, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    public void warningAndStates() {
        Instant start = shanghai("2026-03-06T09:00");
        Instant due = clock.dueAt(SlaTier.SIMPLE, start);
        assertThat(clock.warningAt(start, due)).isEqualTo(shanghai("2026-03-06T10:36"));
        assertThat(clock.state(start, due, shanghai("2026-03-06T10:00"))).isEqualTo(SlaState.ON_TIME);
        assertThat(clock.state(start, due, shanghai("2026-03-06T10:35:59"))).isEqualTo(SlaState.ON_TIME);
        assertThat(clock.state(start, due, shanghai("2026-03-06T10:36"))).isEqualTo(SlaState.WARNING);
        assertThat(clock.state(start, due, shanghai("2026-03-06T10:59:59"))).isEqualTo(SlaState.WARNING);
        assertThat(clock.state(start, due, due)).isEqualTo(SlaState.OVERDUE);
        assertThat(clock.state(start, due, shanghai("2026-03-07T09:00"))).isEqualTo(SlaState.OVERDUE);
        assertThat(SlaState.WARNING.labelZh()).isEqualTo("预警");
        assertThat(SlaState.OVERDUE.labelZh()).isEqualTo("超期");
        assertThat(SlaState.ON_TIME.labelZh()).isEqualTo("正常");
    }

    @Test
    public void warningOfAWorkingDayPeriod() {
        Instant start = shanghai("2026-03-06T09:00");
        Instant due = clock.dueAt(SlaTier.COORDINATION, start); // 2026-03-14T00:00+08, 183 h later
        Instant warning = clock.warningAt(start, due);
        assertThat(Duration.between(start, warning)).isEqualTo(Duration.ofMinutes(Math.round(183 * 60 * 0.8)));
        assertThatThrownBy(() -> clock.warningAt(due, start)).isInstanceOf(IllegalArgumentException.class);
    }
}
