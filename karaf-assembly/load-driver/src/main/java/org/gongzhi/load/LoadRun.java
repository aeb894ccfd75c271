package org.gongzhi.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One run: {@code threads} workers take cases from the {@link Schedule} until it runs out, each driving its case
 * through the {@link CaseLoop}; then the figures are merged into a {@link Report}, with the CPU the
 * {@code --cpu-pids} processes and this JVM used between the end of the warm-up and the last worker's stop. Bounded: the schedule ends at
 * the deadline, a case in flight then is finished within the request timeouts, and workers still busy after that
 * are interrupted.
 */
final class LoadRun {

    private static final long JOIN_SLACK_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Options options;
    private final ApiClient api;

    LoadRun(Options options, ApiClient api) {
        this.options = options;
        this.api = api;
    }

    Report execute() throws InterruptedException {
        ErrorLog errors = new ErrorLog();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        CaseLoop loop = new CaseLoop(api, errors, runId, options.evaluate());
        Schedule schedule = new Schedule(System.nanoTime(), options.warmup(), options.duration(), options.rate(),
                options.maxCases(), options.closeFraction());
        List<WorkerStats> stats = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < options.threads(); i++) {
            WorkerStats s = new WorkerStats();
            Thread t = new Thread(() -> work(schedule, loop, s, errors), "load-worker-" + i);
            t.setDaemon(true);
            stats.add(s);
            workers.add(t);
        }
        workers.forEach(Thread::start);
        CpuMeter cpu = options.cpuPids().isEmpty() ? null : new CpuMeter(options.cpuPids());
        Map<String, Double> cpuAtStart = null;
        if (cpu != null) {
            joinAll(workers, schedule.measureStartNanos()); // the warm-up
            cpuAtStart = cpu.read();
        }
        boolean aborted = !joinAll(workers, schedule.deadlineNanos() + graceNanos());
        if (aborted) {
            schedule.stop();
            workers.forEach(Thread::interrupt);
            joinAll(workers, System.nanoTime() + JOIN_SLACK_NANOS);
        }
        long end = System.nanoTime();
        Map<String, Double> cpuAtEnd = cpu == null ? null : cpu.read();
        WorkerStats total = new WorkerStats();
        for (int i = 0; i < workers.size(); i++) {
            if (!workers.get(i).isAlive()) { // join() made its writes visible; a stuck worker's figures are left out
                total.add(stats.get(i));
            }
        }
        long elapsed = Math.max(0, end - schedule.measureStartNanos());
        return Report.of(options, total, elapsed, errors, schedule.issued(), schedule.notStarted(), aborted,
                errors.failedCalls() >= options.maxErrors(),
                cpu == null ? null : CpuMeter.between(cpuAtStart, cpuAtEnd, total.closed));
    }

    private void work(Schedule schedule, CaseLoop loop, WorkerStats stats, ErrorLog errors) {
        List<TenantProfile> tenants = options.tenants();
        try {
            Schedule.Ticket ticket;
            while ((ticket = schedule.next()) != null) {
                Schedule.awaitStart(ticket);
                TenantProfile tenant = tenants.get((int) (ticket.number() % tenants.size()));
                try {
                    loop.run(ticket, tenant, schedule.fullLoop(ticket.number()), schedule.measured(ticket), stats);
                } catch (RuntimeException e) {
                    errors.record("driver", new ApiClient.Reply(ApiClient.NO_ANSWER, e.toString()));
                }
                if (errors.failedCalls() >= options.maxErrors()) {
                    schedule.stop(); // a broken platform is not load-tested further
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Time allowed after the deadline for the cases in flight: every call of one case timing out, plus slack. */
    private long graceNanos() {
        return options.requestTimeout().toNanos() * (CaseLoop.steps(options.evaluate()).size() + 1) + JOIN_SLACK_NANOS;
    }

    /** Joins all threads until {@code untilNanos}; true if all ended. */
    private static boolean joinAll(List<Thread> threads, long untilNanos) throws InterruptedException {
        for (Thread t : threads) {
            long left = untilNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }
}
