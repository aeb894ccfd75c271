package org.gongzhi.core.scheduler.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The schedule of one {@link ScheduledWork}, read from its service properties: a name and either a
 * Quartz cron in a time zone or a fixed interval. It makes the Quartz trigger that is stored under the
 * name and tells whether a stored trigger still matches. A firing that was missed (no node running,
 * or all busy for longer than the misfire threshold) fires once as soon as a node can, then the
 * schedule proceeds.
 */
record WorkSchedule(String name, String cron, long everySeconds, ZoneId zone) {

    /** Quartz group of our jobs and triggers. */
    static final String GROUP = "gongzhi";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /** Column widths of Quartz's tables: job and trigger names, cron expressions. */
    private static final int MAX_NAME = 200;
    private static final int MAX_CRON = 120;

    /**
     * Reads the schedule from a work's service properties.
     *
     * @throws IllegalArgumentException naming what is wrong with the properties
     */
    static WorkSchedule of(Map<String, ?> properties) {
        String name = text(properties.get(ScheduledWork.NAME));
        if (name == null || name.length() > MAX_NAME) {
            throw new IllegalArgumentException(ScheduledWork.NAME + " must be a name of 1 to " + MAX_NAME + " characters");
        }
        String cron = text(properties.get(ScheduledWork.CRON));
        String every = text(properties.get(ScheduledWork.EVERY_SECONDS));
        if ((cron == null) == (every == null)) {
            throw new IllegalArgumentException(name + ": give exactly one of " + ScheduledWork.CRON + " and "
                    + ScheduledWork.EVERY_SECONDS);
        }
        ZoneId zone = DEFAULT_ZONE;
        String zoneText = text(properties.get(ScheduledWork.TIME_ZONE));
        if (zoneText != null) {
            try {
                zone = ZoneId.of(zoneText);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(name + ": unknown time zone " + zoneText, e);
            }
        }
        if (cron != null) {
            if (cron.length() > MAX_CRON || !CronExpression.isValidExpression(cron)) {
                throw new IllegalArgumentException(name + ": not a Quartz cron expression: " + cron);
            }
            return new WorkSchedule(name, cron, 0, zone);
        }
        long seconds;
        try {
            seconds = Long.parseLong(every);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": " + ScheduledWork.EVERY_SECONDS + " must be whole seconds", e);
        }
        if (seconds < 1) {
            throw new IllegalArgumentException(name + ": " + ScheduledWork.EVERY_SECONDS + " must be at least 1");
        }
        return new WorkSchedule(name, null, seconds, zone);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    JobKey jobKey() {
        return JobKey.jobKey(name, GROUP);
    }

    TriggerKey triggerKey() {
        return TriggerKey.triggerKey(name, GROUP);
    }

    /** The trigger to store; an interval's first firing is one interval from {@code now}. */
    Trigger trigger(Instant now) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().withIdentity(triggerKey()).forJob(jobKey());
        if (cron != null) {
            return builder.startAt(Date.from(now)).withSchedule(CronScheduleBuilder.cronSchedule(cron)
                    .inTimeZone(TimeZone.getTimeZone(zone)).withMisfireHandlingInstructionFireAndProceed()).build();
        }
        return builder.startAt(Date.from(now.plusSeconds(everySeconds))).withSchedule(SimpleScheduleBuilder
                .repeatSecondlyForever((int) Math.min(everySeconds, Integer.MAX_VALUE))
                .withMisfireHandlingInstructionNowWithExistingCount()).build();
    }

    /** Whether a stored trigger fires on this schedule (then it is kept, with its next firing). */
    boolean matches(Trigger stored) {
        if (cron != null) {
            return stored instanceof CronTrigger c && cron.equals(c.getCronExpression())
                    && zone.getId().equals(c.getTimeZone().getID())
                    && c.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;
        }
        return stored instanceof SimpleTrigger s && s.getRepeatInterval() == everySeconds * 1000
                && s.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY
                && s.getMisfireInstruction() == SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT;
    }

    @Override
    public String toString() {
        return cron != null ? name + " (cron " + cron + ", " + zone + ")" : name + " (every " + everySeconds + " s)";
    }
}
