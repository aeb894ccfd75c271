package org.gongzhi.loopbench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

import org.HdrHistogram.Histogram;
import org.gongzhi.cli.ProcCpu;

/**
 * One point of the benchmark: {@code threads} workers each run loops back to back (closed loop) for the
 * warm-up and then the measured time. Only loops started after the warm-up are counted; the measured
 * window runs from the end of the warm-up until the last worker finished its loop in flight, and the
 * CPU of the bench JVM and of PostgreSQL is read at both ends of that window.
 */
final class ClosedLoopRun {

    /**
     * What one point measured. CPU per loop: {@code engineCpuMsPerLoop} is the process running the loop (the
     * bench JVM for the in-process engines, engine and client in one; Karaf for our platform),
     * {@code clientCpuMsPerLoop} a separate client's (the load driver; NaN in process). CPU figures are NaN
     * when the process could not be read.
     */
    record Point(String engine, int threads, long loops, double seconds, double loopsPerSecond, double p50Ms,
                 double p99Ms, double maxMs, double engineCpuMsPerLoop, double postgresCpuMsPerLoop,
                 double clientCpuMsPerLoop, long errors, String firstError) {
    }

    private ClosedLoopRun() {
    }

    /**
     * Runs {@code engine} with {@code threads} workers; {@code postgresCpu} answers PostgreSQL's CPU seconds
     * so far. Returns after every worker has stopped.
     */
    static Point run(LoopEngine engine, int threads, Duration warmup, Duration measured, DoubleSupplier postgresCpu)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long until = measureFrom + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Histogram> histograms = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            Histogram h = new Histogram(3_600_000_000L, 3);
            histograms.add(h);
            int worker = w;
            workers.add(new Thread(() -> work(engine, worker, h, measureFrom, until, errors, firstError),
                    "loop-" + engine.name() + "-" + w));
        }
        workers.forEach(Thread::start);
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        double benchCpu0 = ProcCpu.self();
        double pgCpu0 = postgresCpu.getAsDouble();
        long t0 = System.nanoTime();
        for (Thread t : workers) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double benchCpu = ProcCpu.self() - benchCpu0;
        double pgCpu = postgresCpu.getAsDouble() - pgCpu0;
        Histogram all = new Histogram(3_600_000_000L, 3);
        histograms.forEach(all::add);
        long loops = all.getTotalCount();
        return new Point(engine.name(), threads, loops, seconds, loops / seconds,
                all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getMaxValue() / 1000.0,
                perLoop(benchCpu, loops), perLoop(pgCpu, loops), Double.NaN, errors.get(), firstError.get());
    }

    private static void work(LoopEngine engine, int worker, Histogram h, long measureFrom, long until,
                             AtomicLong errors, AtomicReference<String> firstError) {
        long n = 0;
        for (long begin = System.nanoTime(); begin < until; begin = System.nanoTime()) {
            try {
                engine.loop(worker, n++);
                if (begin >= measureFrom) {
                    h.recordValue((System.nanoTime() - begin) / 1000);
                }
            } catch (Exception e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e.toString());
            }
        }
    }

    private static double perLoop(double cpuSeconds, long loops) {
        return loops == 0 ? Double.NaN : cpuSeconds * 1000 / loops;
    }
}
