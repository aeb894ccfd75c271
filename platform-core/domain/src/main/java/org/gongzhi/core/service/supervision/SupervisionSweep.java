package org.gongzhi.core.service.supervision;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The automatic part of supervision: finds the open cases whose warning or due time has passed and
 * writes their reminders (催办), and escalates (提级督办) cases overdue by the district's margin or
 * reworked as often as the district allows ({@code supervision:} of the tenant definition).
 * Implemented by persistence; run on a schedule (a {@code ScheduledWork} named
 * {@code supervision-sweep}) and by tests.
 *
 * <p>Contract: each reminder is written <b>exactly once</b> per case, trigger and SLA cycle (a
 * postponed case has a new due time and is reminded again) and a case is escalated <b>at most once</b>,
 * whichever rule takes it there first, however many nodes sweep at the same moment; the record, its
 * journal entry on the case and its notice to the notification outbox commit together. The sweep also
 * tells, once, the issuer and the case's holders of each order past its own deadline unanswered (a
 * notice only, no record). Cases a concurrent sweep or step holds are skipped, not waited for. Blocks on the
 * database; safe to call from any thread.
 */
@ProviderType
public interface SupervisionSweep {

    /**
     * Sweeps every active district once.
     *
     * @param now the moment to compare the warning and due times with
     * @param max at most this many records in all (further ones wait for the next sweep); positive
     * @return what this call wrote (not what other nodes wrote meanwhile)
     * @throws IllegalArgumentException when {@code max} is not positive
     */
    SweepCounts sweep(Instant now, int max);
}
