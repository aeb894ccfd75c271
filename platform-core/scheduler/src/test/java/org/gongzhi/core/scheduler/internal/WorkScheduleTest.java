package org.gongzhi.core.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.junit.Test;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

public class WorkScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    public void aCronRunsInShanghaiTimeUnlessAZoneIsGiven() {
        WorkSchedule monthly = WorkSchedule.of(Map.of(ScheduledWork.NAME, "reports-monthly",
                ScheduledWork.CRON, "0 0 6 1 * ?"));
        assertThat(monthly.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        CronTrigger trigger = (CronTrigger) monthly.trigger(NOW);
        // 06:00 in Shanghai on 1 December 2026 is 22:00 UTC on 30 November: already past, so January
        assertThat(trigger.getFireTimeAfter(java.util.Date.from(NOW)).toInstant())
                .isEqualTo(Instant.parse("2026-12-31T22:00:00Z"));
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(trigger.getJobKey().getName()).isEqualTo("reports-monthly");

        WorkSchedule utc = WorkSchedule.of(Map.of(ScheduledWork.NAME, "x", ScheduledWork.CRON, "0 0 6 1 * ?",
                ScheduledWork.TIME_ZONE, "UTC"));
        assertThat(((CronTrigger) utc.trigger(NOW)).getTimeZone().getID()).isEqualTo("UTC");
    }

    @Test
    public void anIntervalIsWholeSecondsAsNumberOrText() {
        WorkSchedule sweep = WorkSchedule.of(Map.of(ScheduledWork.NAME, "sweep", ScheduledWork.EVERY_SECONDS, 30));
        SimpleTrigger trigger = (SimpleTrigger) sweep.trigger(NOW);
        assertThat(trigger.getRepeatInterval()).isEqualTo(30_000);
        assertThat(trigger.getStartTime().toInstant()).isEqualTo(NOW.plusSeconds(30));
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT);
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "sweep", ScheduledWork.EVERY_SECONDS, " 30 ")))
                .isEqualTo(sweep);
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "sweep", ScheduledWork.EVERY_SECONDS, 30L)))
                .isEqualTo(sweep);
    }

    @Test
    public void propertiesThatMakeNoScheduleAreRefusedByName() {
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.CRON, "0 0 6 1 * ?")))
                .hasMessageContaining(ScheduledWork.NAME);
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "x".repeat(201), ScheduledWork.EVERY_SECONDS, 1)))
                .hasMessageContaining(ScheduledWork.NAME);
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "both", ScheduledWork.CRON, "0 0 6 1 * ?",
                ScheduledWork.EVERY_SECONDS, 5))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "neither")))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "bad", ScheduledWork.CRON, "every monday")))
                .hasMessageContaining("not a Quartz cron");
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "zero", ScheduledWork.EVERY_SECONDS, 0)))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "half", ScheduledWork.EVERY_SECONDS, "1.5")))
                .hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> WorkSchedule.of(Map.of(ScheduledWork.NAME, "tz", ScheduledWork.CRON, "0 0 6 1 * ?",
                ScheduledWork.TIME_ZONE, "Mars/Olympus"))).hasMessageContaining("unknown time zone");
    }

    @Test
    public void aStoredTriggerMatchesOnlyTheSameSchedule() {
        WorkSchedule cron = WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.CRON, "0 0 6 1 * ?"));
        Trigger stored = cron.trigger(NOW);
        assertThat(cron.matches(stored)).isTrue();
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.CRON, "0 0 7 1 * ?")).matches(stored))
                .isFalse();
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.CRON, "0 0 6 1 * ?",
                ScheduledWork.TIME_ZONE, "UTC")).matches(stored)).isFalse();
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.EVERY_SECONDS, 60)).matches(stored))
                .isFalse();
        WorkSchedule every = WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.EVERY_SECONDS, 60));
        assertThat(every.matches(every.trigger(NOW.plusSeconds(600)))).isTrue();
        assertThat(WorkSchedule.of(Map.of(ScheduledWork.NAME, "r", ScheduledWork.EVERY_SECONDS, 61))
                .matches(every.trigger(NOW))).isFalse();
    }
}
