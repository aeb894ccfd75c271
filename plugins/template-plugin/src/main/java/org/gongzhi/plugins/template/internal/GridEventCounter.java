package org.gongzhi.plugins.template.internal;

import java.util.List;
import java.util.Map;

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
 * Counts the steps of the closed loop per grid (网格事件计数): one record per step in collection
 * {@value #COLLECTION}, with refs {@code grid=<code>} and {@code caseId=<uuid>}; the count of a
 * grid is the number of records carrying its ref.
 *
 * <p>Idempotent: the record id is made of the case, the action and the time of the step, so an
 * event told twice writes the same record twice. Writes only for tenants that enabled the model.
 */
@Component(service = CaseLifecycleListener.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class GridEventCounter implements CaseLifecycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(GridEventCounter.class);

    static final String COLLECTION = "grid-events";
    /** Grid ref of cases without a grid. */
    static final String NO_GRID = "none";

    private final PluginStorage storage;
    private final PluginTenants tenants;

    @Activate
    public GridEventCounter(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.storage = storage;
        this.tenants = tenants;
    }

    @Override
    public void onCaseEvent(CaseEvent event) {
        String tenant = event.facts().tenantId();
        if (!tenants.isEnabled(tenant, TemplateModel.ID)) {
            return;
        }
        String grid = event.facts().gridCode() == null ? NO_GRID : event.facts().gridCode();
        long at = event.at() == null ? 0 : event.at().toEpochMilli();
        storage.collection(tenant, TemplateModel.ID, COLLECTION).put(
                event.caseId() + ":" + event.action() + ":" + at,
                Map.of("grid", grid, "caseId", event.caseId(), "action", event.action(), "to", event.to()),
                List.of(gridRef(grid), "caseId=" + event.caseId()), null);
        LOG.debug("Counted step {} of case {} for grid {} in {}", event.action(), event.caseId(), grid, tenant);
    }

    /** Steps counted for {@code grid} in {@code tenant}. */
    static long count(PluginStorage storage, String tenant, String grid) {
        return storage.collection(tenant, TemplateModel.ID, COLLECTION).count(gridRef(grid));
    }

    private static String gridRef(String grid) {
        return "grid=" + grid;
    }
}
