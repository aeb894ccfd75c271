package org.gongzhi.core.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gongzhi.core.service.StepRefusedException;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.api.TriagePolicy;
import org.junit.After;
import org.junit.Test;
import org.osgi.framework.Constants;

/**
 * The order of plugin API 1.3 in which the core asks several models' policies and guards: models
 * by id, within a model highest service ranking first, then oldest registration — whatever order
 * the services arrived in.
 */
public class PluginOrderTest {

    private static final CaseFacts FACTS = new CaseFacts("jizhou", "JZ-1", "CM0101", "simple", "360802001001001",
            "hotline", "路灯不亮", Instant.parse("2026-03-02T01:00:00Z"));

    private final PluginWhiteboard whiteboard = new PluginWhiteboard();
    private final PluginHooks hooks = new PluginHooks(whiteboard);
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private long nextServiceId = 100;

    @After
    public void close() throws InterruptedException {
        hooks.close();
    }

    @Test
    public void guardsAreAskedByModelIdThenRankingThenRegistration() {
        // registered in a scrambled order
        whiteboard.addGuard(guard("zeta/old"), props("zeta", 0));
        whiteboard.addGuard(guard("alpha/low"), props("alpha", -5));
        whiteboard.addGuard(guard("beta-2/only"), props("beta-2", 0));
        whiteboard.addGuard(guard("alpha/first"), props("alpha", 0));
        whiteboard.addGuard(guard("alpha/high"), props("alpha", 10));
        whiteboard.addGuard(guard("alpha/second"), props("alpha", 0));
        whiteboard.addGuard(guard("beta/only"), props("beta", 0));
        whiteboard.addGuard(guard("unasked/only"), props("unasked", 0));

        hooks.check(Set.of("zeta", "beta", "alpha", "beta-2"), FACTS, "case-1", "register");

        assertThat(asked).containsExactly("alpha/high", "alpha/first", "alpha/second", "alpha/low", "beta/only",
                "beta-2/only", "zeta/old");
    }

    @Test
    public void theFirstRefusalInThatOrderWinsAndLaterGuardsAreNotAsked() {
        whiteboard.addGuard(refusing("zeta/refuses"), props("zeta", 0));
        whiteboard.addGuard(refusing("alpha/refuses"), props("alpha", 0));
        whiteboard.addGuard(guard("alpha/high"), props("alpha", 1));

        assertThatThrownBy(() -> hooks.check(Set.of("zeta", "alpha"), FACTS, "case-1", "register"))
                .isInstanceOf(StepRefusedException.class).hasMessageContaining("alpha/refuses");
        assertThat(asked).containsExactly("alpha/high", "alpha/refuses");
    }

    @Test
    public void theFirstTriageDecisionInThatOrderWins() {
        whiteboard.addPolicy(policy("b-model/decides", "difficult"), props("b-model", 0));
        whiteboard.addPolicy(policy("a-model/no-opinion", null), props("a-model", 0));
        whiteboard.addPolicy(policy("a-model/ranked", "coordination"), props("a-model", 3));
        whiteboard.addPolicy(policy("a-model/late", "simple"), props("a-model", 0));

        Optional<PluginHooks.Triage> triage = hooks.triage(Set.of("b-model", "a-model"), FACTS);

        assertThat(triage).map(PluginHooks.Triage::model).contains("a-model");
        assertThat(triage).map(t -> t.decision().tier()).contains("coordination");
        assertThat(asked).containsExactly("a-model/ranked");
    }

    @Test
    public void aServiceThatLeavesIsNoLongerAskedAndTheOrderStays() {
        TransitionGuard second = guard("m/second");
        Map<String, Object> secondProps = props("m", 0);
        whiteboard.addGuard(guard("m/first"), props("m", 0));
        whiteboard.addGuard(second, secondProps);
        whiteboard.addGuard(guard("m/third"), props("m", 0));
        whiteboard.removeGuard(second, secondProps);

        hooks.check(Set.of("m"), FACTS, "case-1", "register");

        assertThat(asked).containsExactly("m/first", "m/third");
    }

    private Map<String, Object> props(String model, int ranking) {
        Map<String, Object> p = new HashMap<>();
        p.put(DistrictModel.MODEL_PROPERTY, model);
        p.put(Constants.SERVICE_RANKING, ranking);
        p.put(Constants.SERVICE_ID, nextServiceId++);
        return p;
    }

    private TransitionGuard guard(String name) {
        return (facts, id, action) -> {
            asked.add(name);
            return Optional.empty();
        };
    }

    private TransitionGuard refusing(String name) {
        return (facts, id, action) -> {
            asked.add(name);
            return Optional.of("拒绝 (refused by " + name + ")");
        };
    }

    private TriagePolicy policy(String name, String tier) {
        return facts -> {
            asked.add(name);
            return tier == null ? Optional.empty()
                    : Optional.of(new TriageDecision(tier, 0, 5, null, new ArrayList<>(), false, Map.of()));
        };
    }
}
