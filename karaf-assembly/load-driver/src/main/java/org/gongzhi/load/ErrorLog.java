package org.gongzhi.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failed requests, warm-up included: a count per HTTP status ({@link ApiClient#NO_ANSWER}: I/O error or timeout;
 * {@link ApiClient#NO_TOKEN}: not sent for want of a token) and the first {@value #SAMPLES} answers, shortened, so
 * the cause can be read. 401 and 403 answers are counted apart from the other errors: they mean the driver's
 * account or token was refused (a setup problem), not that the platform failed under load. Thread-safe.
 */
final class ErrorLog {

    static final int SAMPLES = 5;
    private static final int SAMPLE_CHARS = 400;

    /** One kept failure: which call, its status and the start of its body. */
    record Sample(String operation, int status, String body) {
    }

    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> authByStatus = new ConcurrentHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    void record(String operation, ApiClient.Reply reply) {
        (reply.authFailure() ? authByStatus : byStatus).computeIfAbsent(reply.status(), s -> new LongAdder())
                .increment();
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

    /** Count per status of the errors other than 401/403, in status order. */
    Map<Integer, Long> byStatus() {
        return copy(byStatus);
    }

    /** The errors other than 401/403. */
    long total() {
        return sum(byStatus);
    }

    /** Count of 401 and 403 answers per status. */
    Map<Integer, Long> authByStatus() {
        return copy(authByStatus);
    }

    /** 401 and 403 answers. */
    long authFailures() {
        return sum(authByStatus);
    }

    /** Every failed call: the errors and the 401/403 answers ({@code --max-errors} counts these). */
    long failedCalls() {
        return total() + authFailures();
    }

    /** The first failed calls, 401/403 included. */
    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private static Map<Integer, Long> copy(Map<Integer, LongAdder> counts) {
        Map<Integer, Long> copy = new TreeMap<>();
        counts.forEach((status, n) -> copy.put(status, n.sum()));
        return copy;
    }

    private static long sum(Map<Integer, LongAdder> counts) {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
