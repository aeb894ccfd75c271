package org.gongzhi.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed requests, warm-up included: a count per HTTP status (0 = no answer: I/O error or timeout) and the first
 * {@value #SAMPLES} answers, shortened, so the cause can be read. Thread-safe.
 */
final class ErrorLog {

    static final int SAMPLES = 5;
    private static final int SAMPLE_CHARS = 400;

    /** One kept failure: which call, its status and the start of its body. */
    record Sample(String operation, int status, String body) {
    }

    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    void record(String operation, ApiClient.Reply reply) {
        byStatus.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                String body = reply.body() == null ? "" : reply.body().replaceAll("\\s+", " ").trim();
                if (body.length() > SAMPLE_CHARS) {
                    body = body.substring(0, SAMPLE_CHARS) + "…";
                }
                samples.add(new Sample(operation, reply.status(), body));
            }
        }
    }

    /** Count per status, in status order. */
    Map<Integer, Long> byStatus() {
        Map<Integer, Long> copy = new TreeMap<>();
        byStatus.forEach((status, n) -> copy.put(status, n.sum()));
        return copy;
    }

    long total() {
        return byStatus.values().stream().mapToLong(LongAdder::sum).sum();
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
