package org.gongzhi.load;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The dispatch scenario (派遣压测). First every case is reported and registered, as fast as the threads go and
 * unmeasured. Then the cases are dispatched to their tenant's lead department at a fixed rate (open loop: dispatch
 * {@code n} is due at {@code start + n / rate}), while, if asked, the department simulator is taken down for a
 * while. Then the run waits until the simulator has accepted every dispatch and the platform has nothing pending,
 * and matches the simulator's list against the dispatches by case id ({@link DispatchTally}).
 */
final class DispatchRun {

    private static final long POLL_MILLIS = 1000;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Options options;
    private final Options.DispatchPlan plan;
    private final ApiClient api;
    private final SimulatorClient simulator;
    private final PrintStream progress;

    DispatchRun(Options options, ApiClient api, SimulatorClient simulator, PrintStream progress) {
        this.options = options;
        this.plan = options.dispatch();
        this.api = api;
        this.simulator = simulator;
        this.progress = progress;
    }

    DispatchReport execute() throws IOException, InterruptedException {
        simulator.up(); // answers at all, and no outage is left over from an earlier run
        ErrorLog errors = new ErrorLog();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        int planned = (int) Math.min(options.maxCases(), Math.ceil(options.rate()
                * (options.warmup().toNanos() + options.duration().toNanos()) / 1e9));
        long prepStart = System.nanoTime();
        String[] caseIds = prepare(planned, runId, errors);
        double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
        long prepared = Arrays.stream(caseIds).filter(Objects::nonNull).count();
        progress.printf("prepared %d of %d cases (reported and registered) in %.1f s; dispatching at %s/s …%n",
                prepared, planned, prepSeconds, options.rate());
        long acceptedBefore = simulator.accepted();

        Phase phase = dispatchAll(caseIds, errors);
        long dispatched = Arrays.stream(phase.sent).filter(s -> s != null && s.ok()).count();
        Drain drain = drain(acceptedBefore, dispatched, phase.lastCallNanos);
        long dead = 0;
        for (TenantProfile t : options.tenants()) {
            dead += Math.max(0, ApiClient.number(api.dispatchCount(t, "dead").body(), "total"));
        }
        List<DispatchTally.Sent> sent = Arrays.stream(phase.sent).filter(Objects::nonNull).toList();
        DispatchTally tally = new DispatchTally(sent, simulator.arrivals());
        return DispatchReport.of(options, planned, prepared, prepSeconds, phase, drain, dead, tally, errors);
    }

    /** What the dispatching phase left: one entry per dispatch call (null where none was made). */
    record Phase(DispatchTally.Sent[] sent, Histogram calls, double seconds, long issued, long notStarted,
                 long lastCallNanos, Instant outageStart, Instant outageEnd, boolean aborted, boolean stoppedOnErrors) {
    }

    /** The wait after the last dispatch: whether everything arrived, how long it took, what the platform holds. */
    record Drain(boolean complete, double seconds, long platformPending) {
    }

    /** Reports and registers {@code count} cases, closed loop; the id of case {@code n} or null where it failed. */
    private String[] prepare(int count, String runId, ErrorLog errors) throws InterruptedException {
        String[] ids = new String[count];
        AtomicLong next = new AtomicLong();
        runThreads("load-prepare-", () -> {
            long n;
            while ((n = next.getAndIncrement()) < count && errors.failedCalls() < options.maxErrors()) {
                TenantProfile t = tenant(n);
                ApiClient.Reply r = api.intake(t, "load-" + runId + "-" + n, "派遣压测 " + runId + " #" + n);
                String id = r.ok() ? ApiClient.caseId(r.body()) : null;
                if (id == null) {
                    errors.record("intake", r);
                    continue;
                }
                r = api.transition(t, id, CaseLoop.REGISTER.body(t));
                if (r.ok()) {
                    ids[(int) n] = id;
                } else {
                    errors.record(CaseLoop.REGISTER.action(), r);
                }
            }
        }, Long.MAX_VALUE);
        return ids;
    }

    private Phase dispatchAll(String[] caseIds, ErrorLog errors) throws InterruptedException {
        long startNanos = System.nanoTime();
        Instant wallStart = Instant.now();
        Schedule schedule = new Schedule(startNanos, options.warmup(), options.duration(), options.rate(),
                caseIds.length, 1.0);
        Instant outageStart = plan.hasOutage() ? wallStart.plus(plan.outageAt()) : null;
        Instant outageEnd = plan.hasOutage() ? outageStart.plus(plan.outage()) : null;
        AtomicReference<Instant> wentDown = new AtomicReference<>();
        ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
        if (plan.hasOutage()) {
            outage.schedule(() -> takeDown(wentDown), plan.outageAt().toNanos(), TimeUnit.NANOSECONDS);
        }
        DispatchTally.Sent[] sent = new DispatchTally.Sent[caseIds.length];
        ConcurrentHistogram calls = new ConcurrentHistogram(3);
        AtomicLong lastCall = new AtomicLong(startNanos);
        long grace = options.requestTimeout().toNanos() + TimeUnit.SECONDS.toNanos(10);
        boolean ended = runThreads("load-dispatch-", () -> {
            Schedule.Ticket ticket;
            while ((ticket = schedule.next()) != null) {
                Schedule.awaitStart(ticket);
                int n = (int) ticket.number();
                if (caseIds[n] == null) {
                    continue;
                }
                TenantProfile t = tenant(n);
                ApiClient.Reply r = api.transition(t, caseIds[n], CaseLoop.DISPATCH.body(t));
                long now = System.nanoTime();
                lastCall.accumulateAndGet(now, Math::max);
                Instant due = wallStart.plusNanos(ticket.intendedNanos() - startNanos);
                boolean measured = schedule.measured(ticket);
                sent[n] = new DispatchTally.Sent(caseIds[n], r.ok(), measured, due,
                        outageStart == null || due.isBefore(outageStart),
                        outageEnd != null && due.isBefore(outageEnd));
                if (!r.ok()) {
                    errors.record(CaseLoop.DISPATCH.action(), r);
                    if (errors.failedCalls() >= options.maxErrors()) {
                        schedule.stop();
                    }
                } else if (measured) {
                    calls.recordValue(WorkerStats.micros(now - ticket.intendedNanos()));
                }
            }
        }, schedule.deadlineNanos() + grace);
        if (!ended) {
            schedule.stop();
        }
        outage.shutdown();
        outage.awaitTermination(plan.outageAt().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        Instant down = wentDown.get();
        double seconds = (System.nanoTime() - schedule.measureStartNanos()) / 1e9;
        return new Phase(sent, calls, seconds, schedule.issued(), schedule.notStarted(), lastCall.get(), down,
                down == null ? null : down.plus(plan.outage()), !ended,
                errors.failedCalls() >= options.maxErrors());
    }

    private void takeDown(AtomicReference<Instant> wentDown) {
        try {
            Instant at = Instant.now();
            simulator.down(plan.outage(), plan.outageMode());
            wentDown.set(at);
            progress.printf("department simulator down (%s) for %s s%n", plan.outageMode(),
                    plan.outage().toMillis() / 1000.0);
        } catch (IOException e) {
            progress.println("load-driver: could not take the simulator down: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the simulator has accepted {@code dispatched} more dispatch ids than before the run and no
     * dispatch of the run's tenants is pending on the platform, or the drain timeout has passed.
     */
    private Drain drain(long acceptedBefore, long dispatched, long lastCallNanos)
            throws IOException, InterruptedException {
        long until = System.nanoTime() + plan.drainTimeout().toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_NANOS;
        while (true) {
            long arrived = simulator.accepted() - acceptedBefore;
            long pending = 0;
            for (TenantProfile t : options.tenants()) {
                pending += Math.max(0, ApiClient.number(api.dispatchCount(t, "pending").body(), "total"));
            }
            long now = System.nanoTime();
            if (arrived >= dispatched && pending == 0) {
                return new Drain(true, (now - lastCallNanos) / 1e9, 0);
            }
            if (now - until >= 0) {
                return new Drain(false, (now - lastCallNanos) / 1e9, pending);
            }
            if (now - nextProgress >= 0) {
                progress.printf("draining: %d of %d dispatches arrived, %d pending on the platform%n",
                        arrived, dispatched, pending);
                nextProgress = now + PROGRESS_NANOS;
            }
            TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
        }
    }

    private TenantProfile tenant(long n) {
        return options.tenants().get((int) (n % options.tenants().size()));
    }

    /** A worker body that may be interrupted. */
    private interface Work {
        void run() throws InterruptedException;
    }

    /** Runs {@code work} on {@code --threads} threads; false if some were still busy at {@code untilNanos}. */
    private boolean runThreads(String name, Work work, long untilNanos) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            Thread t = new Thread(() -> {
                try {
                    work.run();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        boolean ended = true;
        for (Thread t : threads) {
            long left = untilNanos - System.nanoTime();
            if (untilNanos == Long.MAX_VALUE) {
                t.join();
            } else if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            ended &= !t.isAlive();
        }
        if (!ended) {
            threads.forEach(Thread::interrupt);
        }
        return ended;
    }
}
