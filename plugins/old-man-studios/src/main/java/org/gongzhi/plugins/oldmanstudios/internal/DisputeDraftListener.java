package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.Clock;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a case of a dispute category (矛盾纠纷, CG01xx) is registered (立案), drafts the linked
 * dispute {@code case-<caseId>} so that the village studio or an organisation can take it up.
 * Idempotent: a case that already has a dispute (re-registered after a return or a reopen, or
 * registered by hand) gets no second one. Only in tenants that enabled the model
 * ({@link PluginTenants#isEnabled}).
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
public final class DisputeDraftListener implements CaseLifecycleListener {

    /** Major category 矛盾纠纷 in {@code tenants/common/categories.yaml}. */
    static final String DISPUTE_CATEGORIES = "CG01";
    /** Case status after 立案, as the core names it in events. */
    static final String REGISTERED = "registered";

    private static final Logger LOG = LoggerFactory.getLogger(DisputeDraftListener.class);

    private final DisputeDesk desk;
    private final PluginTenants tenants;

    @Activate
    public DisputeDraftListener(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this(new DisputeDesk(storage, tenants, Clock.system(OldManStudiosModel.ZONE)), tenants);
    }

    DisputeDraftListener(DisputeDesk desk, PluginTenants tenants) {
        this.desk = desk;
        this.tenants = tenants;
    }

    @Override
    public void onCaseEvent(CaseEvent event) {
        String category = event.facts().categoryCode();
        if (!REGISTERED.equals(event.to()) || !category.startsWith(DISPUTE_CATEGORIES)) {
            return;
        }
        if (!tenants.isEnabled(event.facts().tenantId(), OldManStudiosModel.ID)) {
            LOG.debug("Tenant {} did not enable {}: no dispute drafted for case {}", event.facts().tenantId(),
                    OldManStudiosModel.ID, event.caseId());
            return;
        }
        desk.draftOf(event).ifPresentOrElse(
                d -> LOG.info("Drafted dispute {} for case {} ({}) in {}", d.id(), event.caseId(), category,
                        event.facts().tenantId()),
                () -> LOG.debug("Case {} in {} already has a dispute", event.caseId(), event.facts().tenantId()));
    }
}
