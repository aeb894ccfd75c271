package org.gongzhi.core.service.supervision;

/**
 * What one sweep wrote: records written now, each exactly once across nodes.
 *
 * @param warnings    reminders for cases that reached their warning time
 * @param overdue     reminders for cases that passed their due time
 * @param escalations escalations to the city (overdue by the margin, or reworked too often)
 */
public record SweepCounts(int warnings, int overdue, int escalations) {

    /** Nothing written. */
    public static final SweepCounts NONE = new SweepCounts(0, 0, 0);

    /** All records written. */
    public int total() {
        return warnings + overdue + escalations;
    }

    /** The sum of two sweeps. */
    public SweepCounts plus(SweepCounts other) {
        return new SweepCounts(warnings + other.warnings, overdue + other.overdue, escalations + other.escalations);
    }
}
