package org.gongzhi.simulator;

import org.gongzhi.cli.ArgValues;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the planned updates of each accepted dispatch in order: an update is sent when it is due and not
 * before the previous one of the same dispatch was delivered or dropped, so the platform sees the sequence
 * numbers of a dispatch strictly increasing. Failed attempts are retried with {@link Backoff}; an update
 * refused with a 4xx (other than 401 once, 408, 429) is dropped and the next one follows.
 */
final class UpdateScheduler {

    private final UpdateSink sink;
    private final Settings settings;
    private final Stats stats;
    private final EventLog log;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;

    UpdateScheduler(UpdateSink sink, Settings settings, Stats stats, EventLog log) {
        this.sink = sink;
        this.settings = settings;
        this.stats = stats;
        this.log = log;
        this.backoff = new Backoff(settings.retryInitial(), settings.retryMax());
        AtomicInteger n = new AtomicInteger();
        this.timer = Executors.newScheduledThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "simulator-updates-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void plan(Dispatch d, DispatchRecord rec) {
        List<UpdatePlan.Step> steps = UpdatePlan.steps(settings, d, rec);
        stats.updatesPlanned(steps.size());
        new Timeline(steps, d.callbackUrl(), System.nanoTime()).scheduleNext();
    }

    void stop() {
        timer.shutdownNow();
    }

    /** The updates of one dispatch; only one of its tasks is ever scheduled at a time. */
    private final class Timeline implements Runnable {
        private final List<UpdatePlan.Step> steps;
        private final String callbackUrl;
        private final long acceptedNanos;
        private int next;
        private int failures;
        private boolean unauthorizedOnce;

        Timeline(List<UpdatePlan.Step> steps, String callbackUrl, long acceptedNanos) {
            this.steps = steps;
            this.callbackUrl = callbackUrl;
            this.acceptedNanos = acceptedNanos;
        }

        void scheduleNext() {
            if (next >= steps.size()) {
                return;
            }
            long due = acceptedNanos + steps.get(next).after().toNanos() - System.nanoTime();
            schedule(Math.max(0, due));
        }

        private void schedule(long nanos) {
            try {
                timer.schedule(this, nanos, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // the simulator stops; the update stays pending
            }
        }

        @Override
        public void run() {
            Update u = steps.get(next).update();
            UpdateSink.Delivery result;
            try {
                result = sink.deliver(u, callbackUrl);
            } catch (RuntimeException e) {
                result = UpdateSink.Delivery.retry("unexpected " + e, null);
            }
            switch (result.outcome()) {
                case DELIVERED -> {
                    stats.updateSent(u.status());
                    log.event("update-sent", "dispatchId", u.dispatchId(), "sequence", u.sequence(), "status",
                            u.status(), "attempts", failures + 1, "to", result.detail());
                    advance();
                }
                case REFUSED -> drop(u, result.detail());
                case UNAUTHORIZED -> {
                    if (unauthorizedOnce) {
                        drop(u, result.detail() + " (again with a fresh token)");
                    } else {
                        unauthorizedOnce = true;
                        retry(u, result);
                    }
                }
                default -> retry(u, result);
            }
        }

        private void retry(Update u, UpdateSink.Delivery result) {
            failures++;
            stats.updateRetry();
            Duration wait = result.outcome() == UpdateSink.Delivery.Outcome.UNAUTHORIZED ? Duration.ZERO
                    : backoff.delay(failures, result.retryAfter());
            log.event("update-retry", "dispatchId", u.dispatchId(), "sequence", u.sequence(), "status", u.status(),
                    "attempt", failures, "in", ArgValues.show(wait), "reason", result.detail());
            schedule(wait.toNanos());
        }

        private void drop(Update u, String why) {
            stats.updateFailed();
            log.event("update-dropped", "dispatchId", u.dispatchId(), "sequence", u.sequence(), "status", u.status(),
                    "attempts", failures + 1, "reason", why);
            advance();
        }

        private void advance() {
            next++;
            failures = 0;
            unauthorizedOnce = false;
            scheduleNext();
        }
    }
}
