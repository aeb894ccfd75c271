package org.gongzhi.plugin.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriagePolicy;

/** Calls a plugin's guards and listeners the way the core does, failing with the context of the call. */
final class Deliveries {

    /** A guard's refusal, with what it was asked. */
    record Refusal(TransitionGuard guard, CaseFacts facts, String action, String reason) {
    }

    static final long LISTENER_BUDGET_NANOS = 200_000_000L;

    private Deliveries() {
    }

    /** Tells one listener one event; returns the nanoseconds it took. */
    static long deliver(CaseLifecycleListener listener, CaseEvent event) {
        long t0 = System.nanoTime();
        try {
            listener.onCaseEvent(event);
        } catch (RuntimeException e) {
            throw new AssertionError("listener " + listener.getClass().getName() + " threw " + e + " on "
                    + describe(event), e);
        }
        return System.nanoTime() - t0;
    }

    /** Asks one guard about one step; an exception or null fails. */
    static Optional<String> ask(TransitionGuard guard, CaseFacts facts, String caseId, String action) {
        Optional<String> answer;
        try {
            answer = guard.check(facts, caseId, action);
        } catch (RuntimeException e) {
            throw new AssertionError("guard " + guard.getClass().getName() + " threw " + e + " for action '"
                    + action + "' on " + facts, e);
        }
        if (answer == null) {
            throw new AssertionError("guard " + guard.getClass().getName() + " returned null instead of "
                    + "Optional.empty() for action '" + action + "' on " + facts);
        }
        return answer;
    }

    /** Asks every guard about every action for every sample; returns the refusals. */
    static List<Refusal> sweepGuards(PluginUnderTest plugin, List<CaseFacts> samples) {
        List<Refusal> out = new ArrayList<>();
        for (TransitionGuard guard : plugin.guards()) {
            for (CaseFacts f : samples) {
                for (String action : CaseSamples.ACTIONS) {
                    ask(guard, f, CaseSamples.caseIdOf(f, 1), action)
                            .ifPresent(reason -> out.add(new Refusal(guard, f, action, reason)));
                }
            }
        }
        return out;
    }

    /**
     * Everything the core would do with these samples: triage each, then walk its cases through
     * the loop, asking the guards before each step and telling the listeners after it.
     */
    static void exercise(PluginUnderTest plugin, List<CaseFacts> samples) {
        TriagePolicy policy = plugin.triagePolicy();
        for (CaseFacts f : samples) {
            if (policy != null) {
                TriageChecks.ask(policy, f);
            }
            for (CaseEvent e : CaseSamples.walks(f)) {
                if (!"report".equals(e.action())) {
                    plugin.guards().forEach(g -> ask(g, f, e.caseId(), e.action()));
                }
                plugin.listeners().forEach(l -> deliver(l, e));
            }
        }
        sweepGuards(plugin, samples);
    }

    /** Walks the cases of these samples through the loop, telling every listener each event {@code times} times. */
    static void tellListeners(PluginUnderTest plugin, List<CaseFacts> samples, int times) {
        for (CaseFacts f : samples) {
            for (CaseEvent e : CaseSamples.walks(f)) {
                for (CaseLifecycleListener l : plugin.listeners()) {
                    for (int i = 0; i < times; i++) {
                        deliver(l, e);
                    }
                }
            }
        }
    }

    /** Walks the cases of these samples through the loop; returns the listener calls of 200 ms or more. */
    static List<String> slowListenerCalls(PluginUnderTest plugin, List<CaseFacts> samples) {
        List<String> slow = new ArrayList<>();
        for (CaseFacts f : samples) {
            for (CaseEvent e : CaseSamples.walks(f)) {
                for (CaseLifecycleListener l : plugin.listeners()) {
                    long nanos = deliver(l, e);
                    if (nanos >= LISTENER_BUDGET_NANOS) {
                        slow.add(l.getClass().getName() + " took " + nanos / 1_000_000 + " ms on " + describe(e));
                    }
                }
            }
        }
        return slow;
    }

    /** Tells each event twice and returns the events whose repetition changed the records. */
    static List<String> repeatsThatChangedRecords(PluginUnderTest plugin, InMemoryPluginStorage storage,
                                                  List<CaseFacts> samples) {
        List<String> out = new ArrayList<>();
        for (CaseFacts f : samples) {
            for (CaseEvent e : CaseSamples.walks(f)) {
                plugin.listeners().forEach(l -> deliver(l, e));
                Map<String, Object> once = storage.snapshot();
                plugin.listeners().forEach(l -> deliver(l, e));
                Map<String, Object> twice = storage.snapshot();
                if (!twice.equals(once) && out.size() < 5) {
                    out.add(describe(e) + ": after once " + once.keySet() + ", after twice " + twice
                            .entrySet().stream().filter(x -> !x.getValue().equals(once.get(x.getKey()))).toList());
                }
            }
        }
        return out;
    }

    static String describe(CaseEvent e) {
        return "event '" + e.action() + "' (" + e.from() + " → " + e.to() + ") of case " + e.caseId()
                + " in tenant " + e.facts().tenantId() + ", category " + e.facts().categoryCode()
                + ", grid " + e.facts().gridCode();
    }
}
