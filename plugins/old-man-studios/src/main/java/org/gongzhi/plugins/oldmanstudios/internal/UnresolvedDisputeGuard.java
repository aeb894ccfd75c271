package org.gongzhi.plugins.oldmanstudios.internal;

import java.util.Optional;

import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.TransitionGuard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 结案前须有调解结果: a case with a linked dispute cannot be closed (结案) while the dispute has no
 * outcome — agreed, failed or escalated. Other steps and cases without a dispute pass.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
public final class UnresolvedDisputeGuard implements TransitionGuard {

    /** Wire name of the core's 结案 step. */
    static final String CLOSE = "close";

    private final DisputeStore disputes;

    @Activate
    public UnresolvedDisputeGuard(@Reference PluginStorage storage) {
        this.disputes = new DisputeStore(storage);
    }

    @Override
    public Optional<String> check(CaseFacts facts, String caseId, String action) {
        if (!CLOSE.equals(action)) {
            return Optional.empty();
        }
        Optional<PluginRecord> dispute = disputes.ofCase(facts.tenantId(), caseId);
        if (dispute.isEmpty() || DisputeStore.status(dispute.get().data()).hasOutcome()) {
            return Optional.empty();
        }
        DisputeStatus status = DisputeStore.status(dispute.get().data());
        return Optional.of("关联的矛盾纠纷 " + dispute.get().id() + " 仍处于“" + status.labelZh()
                + "”，尚无调解结果（达成协议、调解不成或已上交），不能结案 (the linked dispute " + dispute.get().id()
                + " is " + status.wire() + " and has no outcome yet — agreed, failed or escalated — so the case cannot be closed)");
    }
}
