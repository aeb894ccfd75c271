package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;

/** The checks of a {@link TriagePolicy} (分级分类策略) against the API's Javadoc. */
final class TriageChecks {

    static final Set<String> TIERS = Set.of("simple", "coordination", "difficult");
    static final int MAX_DUE_HOURS = 72;
    static final int MAX_DUE_WORKING_DAYS = 30;
    static final int MAX_ATTRIBUTE_CHARS = 40;
    static final long P99_BUDGET_NANOS = 1_000_000L;
    static final int TIMED_CALLS = 20_000;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]*");

    /** Keeps the answers of the timed calls alive, so the JIT cannot drop the calls. */
    static volatile long blackhole;

    private TriageChecks() {
    }

    /** The answer to one sample; an exception or null fails naming the sample. */
    static Optional<TriageDecision> ask(TriagePolicy policy, CaseFacts facts) {
        Optional<TriageDecision> answer;
        try {
            answer = policy.triage(facts);
        } catch (RuntimeException e) {
            throw new AssertionError("triage policy " + policy.getClass().getName() + " threw " + e + " on " + facts, e);
        }
        if (answer == null) {
            throw new AssertionError("triage policy returned null instead of Optional.empty() on " + facts);
        }
        return answer;
    }

    /** Answers for every sample, in order. */
    static List<Optional<TriageDecision>> answers(TriagePolicy policy, List<CaseFacts> samples) {
        List<Optional<TriageDecision>> out = new ArrayList<>(samples.size());
        for (CaseFacts f : samples) {
            out.add(ask(policy, f));
        }
        return out;
    }

    /** What is wrong with the decisions for these samples, each naming its sample. */
    static List<String> problems(TriagePolicy policy, List<CaseFacts> samples) {
        List<String> out = new ArrayList<>();
        for (CaseFacts f : samples) {
            ask(policy, f).ifPresent(d -> problems(d).forEach(p -> out.add(p + " — for " + f)));
        }
        return out;
    }

    /** Equal but not identical facts. */
    static List<CaseFacts> copies(List<CaseFacts> samples) {
        return samples.stream().map(f -> new CaseFacts(f.tenantId(), f.caseNumber(), f.categoryCode(),
                f.defaultTier(), f.gridCode(), f.channel(), f.title(), f.reportedAt(), f.categoryFamily(),
                f.categoryName(), f.leadDepartmentKind())).toList();
    }

    /** What is wrong with a decision; empty when it keeps every rule of {@link TriageDecision}. */
    static List<String> problems(TriageDecision d) {
        List<String> p = new ArrayList<>();
        if (!TIERS.contains(d.tier())) {
            p.add("tier must be one of " + TIERS + ", was '" + d.tier() + "'");
        }
        if (d.dueHours() < 0 || d.dueWorkingDays() < 0 || (d.dueHours() > 0) == (d.dueWorkingDays() > 0)) {
            p.add("exactly one of dueHours and dueWorkingDays must be positive, the other 0");
        }
        if (d.dueHours() > MAX_DUE_HOURS) {
            p.add("dueHours must be at most " + MAX_DUE_HOURS + ", was " + d.dueHours());
        }
        if (d.dueWorkingDays() > MAX_DUE_WORKING_DAYS) {
            p.add("dueWorkingDays must be at most " + MAX_DUE_WORKING_DAYS + ", was " + d.dueWorkingDays());
        }
        if (d.leadDepartmentKind() != null && !KIND.matcher(d.leadDepartmentKind()).matches()) {
            p.add("leadDepartmentKind must be a department kind such as CITY_MANAGEMENT, was " + d.leadDepartmentKind());
        }
        d.coHandlingDepartmentKinds().stream().filter(k -> !KIND.matcher(k).matches())
                .forEach(k -> p.add("co-handling department kind must be like PUBLIC_SECURITY, was " + k));
        d.attributes().forEach((k, v) -> {
            if (k.isBlank() || k.length() > MAX_ATTRIBUTE_CHARS || v.length() > MAX_ATTRIBUTE_CHARS) {
                p.add("attribute keys must be non-blank and keys and values at most " + MAX_ATTRIBUTE_CHARS
                        + " characters: " + k + "=" + v);
            }
        });
        return p;
    }

    /**
     * Asks from {@code threads} threads at once, each going {@code rounds} times over the samples
     * from a different starting point; returns the answers that differ from {@code expected}.
     */
    static List<String> concurrentMismatches(TriagePolicy policy, List<CaseFacts> samples,
                                             List<Optional<TriageDecision>> expected, int threads, int rounds)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int shift = t;
                Callable<List<String>> task = () -> {
                    start.await();
                    List<String> wrong = new ArrayList<>();
                    for (int r = 0; r < rounds; r++) {
                        for (int i = 0; i < samples.size(); i++) {
                            int k = (i + shift * 7) % samples.size();
                            Optional<TriageDecision> got = ask(policy, samples.get(k));
                            if (!got.equals(expected.get(k))) {
                                wrong.add("thread " + shift + " got " + got + " for " + samples.get(k)
                                        + " instead of " + expected.get(k));
                            }
                        }
                    }
                    return wrong;
                };
                results.add(pool.submit(task));
            }
            start.countDown();
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : results) {
                wrong.addAll(f.get(2, TimeUnit.MINUTES));
            }
            return wrong;
        } catch (ExecutionException e) {
            throw new AssertionError("triage failed on a concurrent call: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("concurrent triage did not finish within 2 minutes (deadlock?)", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Nanoseconds of each of {@value #TIMED_CALLS} calls after as many warm-up calls, sorted ascending. */
    static long[] sortedLatencies(TriagePolicy policy, List<CaseFacts> samples) {
        int warmUp = TIMED_CALLS;
        int measured = TIMED_CALLS;
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += ask(policy, samples.get(i % samples.size())).hashCode();
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
            CaseFacts f = samples.get(i % samples.size());
            long t0 = System.nanoTime();
            Optional<TriageDecision> d = policy.triage(f);
            nanos[i] = System.nanoTime() - t0;
            sink += d.hashCode();
        }
        Arrays.sort(nanos);
        blackhole = sink;
        return nanos;
    }

    /** p50, p99 and max of sorted nanoseconds, for a failure message. */
    static String summary(long[] sorted) {
        return "p50 " + percentile(sorted, 50.0) + " ns, p99 " + percentile(sorted, 99.0) + " ns, max "
                + sorted[sorted.length - 1] + " ns";
    }

    /** The value at {@code percent} (e.g. 99.0) of sorted values, nearest-rank method. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
