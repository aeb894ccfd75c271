package org.gongzhi.core.persistence.internal;

import java.time.Instant;

import org.gongzhi.core.service.schedule.ScheduledWork;
import org.gongzhi.core.service.supervision.SupervisionSweep;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The supervision sweep on the platform's schedule: every 15 seconds, once across the nodes (the
 * scheduler bundle runs it, ADR 0027); even if two nodes ran it at once, each record is written once
 * ({@link SupervisionSweep}'s contract). Compares with the current time, not the firing time, so a
 * late firing reminds no earlier than due.
 */
@Component(service = ScheduledWork.class, property = {
    ScheduledWork.NAME + "=" + SupervisionSweepWork.NAME,
    ScheduledWork.EVERY_SECONDS + ":Integer=15"})
public final class SupervisionSweepWork implements ScheduledWork {

    /** The schedule's name. */
    static final String NAME = "supervision-sweep";
    /** Most records one firing writes; the rest wait for the next firing. */
    static final int MAX_PER_FIRING = 5000;

    private final SupervisionSweep sweep;

    @Activate
    public SupervisionSweepWork(@Reference SupervisionSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void run(Instant firedAt) {
        sweep.sweep(HibernateCaseService.DATABASE_CLOCK.instant(), MAX_PER_FIRING);
    }
}
