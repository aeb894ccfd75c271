package org.gongzhi.plugins.threecolour.internal;

import java.util.Optional;
import java.util.Set;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.TransitionGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 会商前置: a key/difficult case (重点难点问题, by the same {@link JizhouTriage} rule the triage policy
 * applies) may pass verification ({@code verify-pass}) or be closed ({@code close}) only once a
 * consultation record (会商记录) exists for it. Every other step and tier is allowed. Thread-safe;
 * one count query per guarded step.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class ConsultationGuard implements TransitionGuard {

    static final Set<String> GUARDED = Set.of("verify-pass", "close");

    private final PluginStorage storage;

    @Activate
    public ConsultationGuard(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    @Override
    public Optional<String> check(CaseFacts facts, String caseId, String action) {
        if (!GUARDED.contains(action) || JizhouTriage.tierOf(facts).orElse(null) != Tier.DIFFICULT) {
            return Optional.empty();
        }
        ConsultationLog log = new ConsultationLog(
                storage.collection(facts.tenantId(), ThreeColourGridModel.ID, ThreeColourGridModel.CONSULTATIONS));
        if (log.held(caseId)) {
            return Optional.empty();
        }
        return Optional.of("重点难点问题须先召开部门会商并登记会商记录，方可" + ("close".equals(action) ? "结案" : "核查通过")
                + " (a key/difficult case needs a consultation record before " + action + ")");
    }
}
