package org.gongzhi.plugin.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gongzhi.plugin.tck.SamplePlugins.MODEL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.TransitionGuard;
import org.gongzhi.plugin.api.TriageDecision;
import org.gongzhi.plugin.tck.SamplePlugins.Model;
import org.gongzhi.plugin.tck.SamplePlugins.TierPolicy;
import org.junit.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;

/** The contract suite passes good plugins and catches each kind of broken one. */
public class ContractSelfTest {

    @Test
    public void aCompletePluginPassesEveryCheck() {
        Result r = JUnitCore.runClasses(Good.class);
        assertThat(r.getFailures()).isEmpty();
        assertThat(r.getAssumptionFailureCount()).isZero();
        assertThat(r.getRunCount()).isEqualTo(19);
    }

    @Test
    public void aDescriptorOnlyPluginPassesWithTheRestSkipped() {
        Result r = JUnitCore.runClasses(DescriptorOnly.class);
        assertThat(r.getFailures()).isEmpty();
        assertThat(r.getAssumptionFailureCount()).isEqualTo(16);
    }

    @Test
    public void catchesABadDescriptor() {
        assertThat(failed(BadDescriptor.class)).containsExactlyInAnyOrder("descriptorIdIsWellFormedAndStable",
                "descriptorHasChineseAndEnglishNames", "descriptorVersionIsSemantic");
    }

    @Test
    public void catchesBadTriage() {
        assertThat(failed(ThrowingTriage.class)).contains("triageAnswersEverySampleWithoutThrowing",
                "triageDecisionsAreValid", "triageIsDeterministic", "triageIsThreadSafe");
        assertThat(failed(OverlongTriage.class)).containsExactly("triageDecisionsAreValid");
        assertThat(failed(ChangingTriage.class)).contains("triageIsDeterministic", "triageIsThreadSafe");
        assertThat(failed(SlowTriage.class)).containsExactly("triageP99IsUnderOneMillisecond");
        assertThat(failed(ReadingTriage.class)).containsExactly("triageDoesNoStorageIo");
    }

    @Test
    public void catchesBadGuards() {
        assertThat(failed(ThrowingGuard.class)).contains("guardsAnswerEveryActionWithoutThrowing");
        assertThat(failed(EnglishGuard.class)).containsExactly("guardRefusalsGiveChineseReasons");
        assertThat(failed(WritingGuard.class)).containsExactlyInAnyOrder("guardsDoNotWrite",
                "recordsAreWrittenOnlyInTheEnabledTenant");
    }

    @Test
    public void catchesBadListeners() {
        assertThat(failed(ThrowingListener.class)).contains("listenersAcceptEveryKindOfEvent",
                "listenersSurviveARepeatedEvent");
        assertThat(failed(CountingListener.class)).containsExactly("listenersAreIdempotent");
        assertThat(failed(SlowListener.class)).containsExactly("listenersReturnWithin200Milliseconds");
        assertThat(failed(SwallowingListener.class)).containsExactly("storageIsUsedWithinTheApiRules");
        assertThat(failed(LeakyListener.class)).containsExactly("recordsAreWrittenOnlyInTheEnabledTenant");
        assertThat(failed(ForeignListener.class)).containsExactly("recordsAreWrittenOnlyUnderTheOwnModelId");
    }

    private static List<String> failed(Class<?> contract) {
        return JUnitCore.runClasses(contract).getFailures().stream()
                .map(Failure::getDescription).map(d -> d.getMethodName()).toList();
    }

    public static class Good extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return SamplePlugins.good(storage, tenants);
        }
    }

    public static class DescriptorOnly extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good());
        }
    }

    public static class BadDescriptor extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(new Model("Sample_Model", "Sample", " ", "1.0"));
        }
    }

    public static class ThrowingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(
                    new TierPolicy().decision("simple", f.gridCode().length(), 0)));
        }
    }

    public static class OverlongTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(new TriageDecision("difficult",
                    0, 45, "CITY_MANAGEMENT", List.of(), false, Map.of("note", "x".repeat(41)))));
        }
    }

    public static class ChangingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            AtomicLong calls = new AtomicLong();
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> Optional.of(new TriageDecision("simple",
                    2, 0, null, List.of(), false, Map.of("n", Long.toString(calls.incrementAndGet())))));
        }
    }

    public static class SlowTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> {
                if ("ZZ9999".equals(f.categoryCode())) {
                    SamplePlugins.spin(2);
                }
                return new TierPolicy().triage(f);
            });
        }
    }

    public static class ReadingTriage extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withTriagePolicy(f -> {
                storage.collection(FixedPluginTenants.ENABLED_TENANT, MODEL, "rules").get("r1");
                return new TierPolicy().triage(f);
            });
        }
    }

    public static class ThrowingGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            TransitionGuard g = (f, id, action) -> "reopen".equals(action) && f.title().isBlank()
                    ? Optional.of("标题为空 (no title)") : Optional.empty();
            return PluginUnderTest.of(Model.good()).withGuards(g);
        }
    }

    public static class EnglishGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withGuards((f, id, action) -> Optional.of("not allowed"));
        }
    }

    public static class WritingGuard extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withGuards((f, id, action) -> {
                storage.collection(FixedPluginTenants.ENABLED_TENANT, MODEL, "asked").put(id, Map.of(), List.of(), null);
                return Optional.empty();
            });
        }
    }

    public static class ThrowingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            CaseLifecycleListener l = e -> e.from().length();
            return PluginUnderTest.of(Model.good()).withListeners(l);
        }
    }

    public static class CountingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if (!tenants.isEnabled(e.facts().tenantId(), MODEL)) {
                    return;
                }
                var counts = storage.collection(e.facts().tenantId(), MODEL, "counts");
                long n = counts.get("all").map(r -> ((Number) r.data().get("n")).longValue()).orElse(0L);
                counts.put("all", Map.of("n", n + 1), List.of(), null);
            });
        }
    }

    public static class SlowListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if ("ZZ9999".equals(e.facts().categoryCode()) && "report".equals(e.action())) {
                    SamplePlugins.spin(250);
                }
            });
        }
    }

    public static class SwallowingListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                try {
                    storage.collection(e.facts().tenantId(), MODEL, "Steps");
                } catch (IllegalArgumentException ignored) {
                    // the contract must see this anyway
                }
            });
        }
    }

    public static class LeakyListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> storage.collection(e.facts().tenantId(), MODEL,
                    "steps").put(e.caseId() + ":" + e.at().toEpochMilli(), Map.of(), List.of(), null));
        }
    }

    public static class ForeignListener extends DistrictPluginContract {
        @Override
        protected PluginUnderTest createPlugin(PluginStorage storage, PluginTenants tenants) {
            return PluginUnderTest.of(Model.good()).withListeners(e -> {
                if (tenants.isEnabled(e.facts().tenantId(), MODEL)) {
                    storage.collection(e.facts().tenantId(), FixedPluginTenants.OTHER_MODEL, "steps")
                            .put(e.caseId(), Map.of(), List.of(), null);
                }
            });
        }
    }
}
