package org.gongzhi.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counters behind {@link StatsSnapshot}. */
final class Stats {

    private final Counter all = new Counter();
    private final ConcurrentMap<String, Counter> byDepartment = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> byTenant = new ConcurrentHashMap<>();
    private final LongAdder filesProcessed = new LongAdder();
    private final LongAdder fileErrors = new LongAdder();
    private final LongAdder planned = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final ConcurrentMap<String, LongAdder> sentByStatus = new ConcurrentHashMap<>();

    void accepted(String tenant, String department) {
        each(tenant, department, c -> c.accepted.increment());
    }

    void duplicate(String tenant, String department) {
        each(tenant, department, c -> c.duplicates.increment());
    }

    /** A refused delivery; {@code tenant} and {@code department} may be {@code null} when not known. */
    void rejected(String status, String tenant, String department) {
        each(tenant, department, c -> c.rejected.computeIfAbsent(status, s -> new LongAdder()).increment());
    }

    void fileProcessed() {
        filesProcessed.increment();
    }

    void fileError() {
        fileErrors.increment();
    }

    void updatesPlanned(int n) {
        planned.add(n);
    }

    void updateSent(String status) {
        sent.increment();
        sentByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    void updateFailed() {
        failed.increment();
    }

    void updateRetry() {
        retries.increment();
    }

    long pendingUpdates() {
        return planned.sum() - sent.sum() - failed.sum();
    }

    StatsSnapshot snapshot(boolean down) {
        StatsSnapshot.Counts total = all.snapshot();
        return new StatsSnapshot(total.received(), total.accepted(), total.duplicates(), total.rejected(),
                snapshots(byDepartment), snapshots(byTenant),
                new StatsSnapshot.Files(filesProcessed.sum(), fileErrors.sum()),
                new StatsSnapshot.Updates(planned.sum(), sent.sum(), failed.sum(), pendingUpdates(), retries.sum(),
                        sums(sentByStatus)),
                down);
    }

    private void each(String tenant, String department, java.util.function.Consumer<Counter> change) {
        for (Counter c : new Counter[] {all, counter(byTenant, tenant), counter(byDepartment, department)}) {
            if (c != null) {
                c.received.increment();
                change.accept(c);
            }
        }
    }

    private static Counter counter(ConcurrentMap<String, Counter> map, String key) {
        return key == null ? null : map.computeIfAbsent(key, k -> new Counter());
    }

    private static Map<String, StatsSnapshot.Counts> snapshots(Map<String, Counter> map) {
        Map<String, StatsSnapshot.Counts> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.snapshot()));
        return out;
    }

    private static Map<String, Long> sums(Map<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static final class Counter {
        final LongAdder received = new LongAdder();
        final LongAdder accepted = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final ConcurrentMap<String, LongAdder> rejected = new ConcurrentHashMap<>();

        StatsSnapshot.Counts snapshot() {
            return new StatsSnapshot.Counts(received.sum(), accepted.sum(), duplicates.sum(), sums(rejected));
        }
    }
}
