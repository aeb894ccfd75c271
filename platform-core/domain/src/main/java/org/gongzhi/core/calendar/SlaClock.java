package org.gongzhi.core.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import org.gongzhi.core.casework.SlaTier;

/**
 * SLA clock (时限计算) of one tenant: a {@link WorkingCalendar} plus a {@link SlaPolicy}.
 * Immutable and thread-safe.
 *
 * <p>Contract: a case is on time while {@code now < due}; the due instant itself is overdue.
 * Day-based deadlines end at 24:00 local time (see {@link WorkingCalendar#dueAfterWorkingDays}).
 */
public final class SlaClock {

    private final WorkingCalendar calendar;
    private final SlaPolicy policy;

    /** Creates a clock from a calendar and a policy. */
    public SlaClock(WorkingCalendar calendar, SlaPolicy policy) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The working calendar. */
    public WorkingCalendar calendar() {
        return calendar;
    }

    /** The SLA policy. */
    public SlaPolicy policy() {
        return policy;
    }

    /**
     * Due instant of a case of {@code tier} started (registered) at {@code start}: wall clock for
     * {@link SlaTier#SIMPLE}, working days for the other tiers.
     */
    public Instant dueAt(SlaTier tier, Instant start) {
        Objects.requireNonNull(tier, "tier");
        if (tier.isHourBased()) {
            return calendar.dueAfterHours(start, policy.simple());
        }
        return calendar.dueAfterWorkingDays(start, policy.workingDays(tier));
    }

    /** Due instant after an explicit number of working days (e.g. a limit set at consultation 会商). */
    public Instant dueAt(int workingDays, Instant start) {
        return calendar.dueAfterWorkingDays(start, workingDays);
    }

    /**
     * Postponement (延期): the due instant moved by {@code extraWorkingDays} working days counted
     * from the due date. A due instant at local 00:00 stands for 24:00 of the previous day, so the
     * result is 24:00 of the {@code n}-th working day after that day; any other due instant keeps
     * its local time of day on the {@code n}-th working day after its local date.
     *
     * @throws IllegalArgumentException if {@code extraWorkingDays < 0}
     */
    public Instant extend(Instant due, int extraWorkingDays) {
        Objects.requireNonNull(due, "due");
        if (extraWorkingDays < 0) {
            throw new IllegalArgumentException("extraWorkingDays must be >= 0: " + extraWorkingDays);
        }
        ZonedDateTime z = due.atZone(calendar.zone());
        LocalDate date = z.toLocalDate();
        if (z.equals(date.atStartOfDay(calendar.zone()))) {
            LocalDate last = calendar.plusWorkingDays(date.minusDays(1), extraWorkingDays);
            return last.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
        }
        LocalDate moved = calendar.plusWorkingDays(date, extraWorkingDays);
        return ZonedDateTime.of(moved, z.toLocalTime(), calendar.zone()).toInstant();
    }

    /**
     * Warning instant {@code start + warningRatio × (due − start)}, millisecond precision.
     *
     * @throws IllegalArgumentException if {@code due} is before {@code start}
     */
    public Instant warningAt(Instant start, Instant due) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(start)) {
            throw new IllegalArgumentException("due " + due + " is before start " + start);
        }
        long millis = Duration.between(start, due).toMillis();
        return start.plusMillis(Math.round(millis * policy.warningRatio()));
    }

    /**
     * State at {@code now}: {@link SlaState#OVERDUE} when {@code now >= due},
     * {@link SlaState#WARNING} when {@code now >= warningAt(start, due)}, else {@link SlaState#ON_TIME}.
     */
    public SlaState state(Instant start, Instant due, Instant now) {
        Objects.requireNonNull(now, "now");
        Instant warning = warningAt(start, due);
        if (!now.isBefore(due)) {
            return SlaState.OVERDUE;
        }
        if (!now.isBefore(warning)) {
            return SlaState.WARNING;
        }
        return SlaState.ON_TIME;
    }
}
