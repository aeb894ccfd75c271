package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.util.Set;

import org.gongzhi.plugin.api.CaseEvent;
import org.gongzhi.plugin.api.CaseFacts;
import org.gongzhi.plugin.api.CaseLifecycleListener;
import org.gongzhi.plugin.api.DistrictCategory;
import org.gongzhi.plugin.api.DistrictFacts;
import org.gongzhi.plugin.api.DistrictGrid;
import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 联需求 from the closed loop: a livelihood-service case (民生服务: the category's family, as the core
 * tells it in {@link CaseFacts#categoryFamily()}) that a resident reported online (channel
 * {@code resident-app} or {@code qr-code}) becomes a collected need with id {@code case-<caseId>}
 * and ref {@code caseId=<caseId>}.
 *
 * <p>Idempotent: the need is written only if it does not exist (expected version 0), whatever
 * event of the case arrives first, so a replayed or later event never makes a second need.
 * Category {@code LS0103} (困难群众求助) arrives through the 困难群众直通车 and is urgent; other
 * categories are online and normal. The community is the case's grid's community (社区) in the
 * district's grid tree ({@link DistrictFacts#ancestorAt}); a case located only to its street or
 * district, or to a grid the tree lacks, gives a need of community {@code unlocated}.
 */
@Component(property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
public final class CaseNeedListener implements CaseLifecycleListener {

    static final Set<String> CHANNELS = Set.of("resident-app", "qr-code");
    static final String HARDSHIP_CATEGORY = "LS0103";
    private static final Logger LOG = LoggerFactory.getLogger(CaseNeedListener.class);

    private final PluginStorage storage;
    private final PluginTenants tenants;
    private final Clock clock;

    @Activate
    public CaseNeedListener(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this(storage, tenants, Clock.systemUTC());
    }

    CaseNeedListener(PluginStorage storage, PluginTenants tenants, Clock clock) {
        this.storage = storage;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public void onCaseEvent(CaseEvent event) {
        CaseFacts facts = event.facts();
        if (!applies(facts) || !tenants.isEnabled(facts.tenantId(), ThreeLinkedModel.ID)) {
            return;
        }
        NeedBook needs = new Books(storage, facts.tenantId(), clock).needs();
        String id = needId(event.caseId());
        if (needs.find(id).isPresent()) {
            return;
        }
        try {
            needs.create(toNeed(id, event, tenants.district(facts.tenantId(), ThreeLinkedModel.ID).orElse(null)));
            LOG.info("Case {} of tenant {} collected as need {}", facts.caseNumber(), facts.tenantId(), id);
        } catch (Conflict e) {
            LOG.debug("Need {} was created meanwhile", id);
        }
    }

    /** Whether a case is a livelihood-service case reported by a resident online. */
    static boolean applies(CaseFacts facts) {
        return DistrictCategory.LIVELIHOOD.equals(facts.categoryFamily()) && facts.channel() != null
                && CHANNELS.contains(facts.channel());
    }

    static String needId(String caseId) {
        return "case-" + caseId;
    }

    /** The need of a case; {@code district} is the tenant's facts, null when the core gave none. */
    static Need toNeed(String id, CaseEvent event, DistrictFacts district) {
        CaseFacts f = event.facts();
        boolean hardship = HARDSHIP_CATEGORY.equals(f.categoryCode());
        String community = district == null ? NeedBook.UNLOCATED
                : district.ancestorAt(f.gridCode(), DistrictGrid.COMMUNITY).map(DistrictGrid::code).orElse(NeedBook.UNLOCATED);
        String description = f.title() == null || f.title().isBlank()
                ? "案件 (case) " + (f.caseNumber() == null ? event.caseId() : f.caseNumber()) : f.title();
        return Need.collected(id, community, null, null, f.categoryCode(), description,
                hardship ? NeedChannel.DIFFICULTY_LINE : NeedChannel.ONLINE,
                hardship ? Urgency.URGENT : Urgency.NORMAL, f.reportedAt(), event.caseId());
    }
}
