package org.gongzhi.itests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady load of intakes and listings on districts that do not use the plugin under test,
 * counting every answer that is not a success. Bounded: stops when told, or after 5 minutes.
 */
final class OtherTenantsLoad implements AutoCloseable {

    private final Api api;
    private final List<String> tenants;
    private final ExecutorService workers;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);

    OtherTenantsLoad(Api api, List<String> tenants, int threads) {
        this.api = api;
        this.tenants = tenants;
        this.workers = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            String tenant = tenants.get(i % tenants.size());
            workers.execute(() -> run(tenant));
        }
    }

    private void run(String tenant) {
        String cases = "/api/v1/tenants/" + tenant + "/cases";
        while (running.get() && System.nanoTime() < deadline) {
            try {
                count(api.post(cases, "{\"title\":\"负载测试\",\"categoryCode\":\"CM0101\",\"channel\":\"hotline\"}"));
                count(api.get(cases + "?limit=5"));
            } catch (Exception e) {
                failures.merge(e.getClass().getSimpleName(), 1L, Long::sum);
            }
        }
    }

    private void count(Api.Reply reply) {
        requests.incrementAndGet();
        if (reply.status() >= 300) {
            failures.merge("HTTP " + reply.status(), 1L, Long::sum);
        }
    }

    long requests() {
        return requests.get();
    }

    Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }
}
