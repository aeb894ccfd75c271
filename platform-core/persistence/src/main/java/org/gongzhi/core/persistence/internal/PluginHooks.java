package org.gongzhi.core.persistence.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the closed loop calls the plugins of a tenant's enabled models: triage at registration,
 * guards before a step, listeners after the commit (on one ordered background thread).
 */
@Component(service = PluginHooks.class)
public final class PluginHooks {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHooks.class);

    /** A plugin's decision and the model that made it. */
    record Triage(String model, TriageDecision decision) {
    }

    private final PluginWhiteboard whiteboard;
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "gongzhi-case-events");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public PluginHooks(@Reference PluginWhiteboard whiteboard) {
        this.whiteboard = whiteboard;
    }

    /**
     * The first decision of the enabled models, in the order of plugin API 1.3: models by id (code
     * point order), within a model by service ranking, then registration.
     */
    Optional<Triage> triage(Set<String> models, CaseFacts facts) {
        for (String model : ModelServices.ordered(models)) {
            for (TriagePolicy policy : whiteboard.policies(model)) {
                try {
                    Optional<TriageDecision> decision = policy.triage(facts);
                    if (decision != null && decision.isPresent()) {
                        return Optional.of(new Triage(model, decision.get()));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Triage policy of model {} failed on case {}: {}", model, facts.caseNumber(), e.toString());
                }
            }
        }
        return Optional.empty();
    }

    /** Asks the guards of the enabled models in the order of {@link #triage}; the first refusal wins. */
    void check(Set<String> models, CaseFacts facts, String caseId, String action) {
        for (String model : ModelServices.ordered(models)) {
            for (TransitionGuard guard : whiteboard.guards(model)) {
                Optional<String> refusal;
                try {
                    refusal = guard.check(facts, caseId, action);
                } catch (RuntimeException e) {
                    LOG.warn("Transition guard of model {} failed on case {}", model, facts.caseNumber(), e);
                    refusal = Optional.of("插件规则检查失败，操作未执行 (the " + model + " rule check failed; nothing was changed)");
                }
                if (refusal != null && refusal.isPresent()) {
                    throw new StepRefusedException(model, refusal.get());
                }
            }
        }
    }

    /** Tells the listeners of the enabled models, after the commit, in the order of {@link #triage}. */
    void publish(Set<String> models, CaseEvent event) {
        if (models.isEmpty()) {
            return;
        }
        List<String> ordered = ModelServices.ordered(models);
        events.execute(() -> {
            for (String model : ordered) {
                for (CaseLifecycleListener listener : whiteboard.listeners(model)) {
                    try {
                        listener.onCaseEvent(event);
                    } catch (RuntimeException e) {
                        LOG.warn("Lifecycle listener of model {} failed on {} of case {}", model, event.action(),
                                event.facts().caseNumber(), e);
                    }
                }
            }
        });
    }

    /**
     * Waits until the events published so far were handed to the listeners (the demo history takes
     * guarded steps only after the listeners saw what came before, so that a guard answers the same
     * on every run). False when {@code timeout} passed first.
     */
    boolean awaitPublished(java.time.Duration timeout) throws InterruptedException {
        java.util.concurrent.Future<?> marker = events.submit(() -> { });
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Deactivate
    void close() throws InterruptedException {
        events.shutdown();
        if (!events.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("Case events still pending after 10 s; dropped");
            events.shutdownNow();
        }
    }
}
