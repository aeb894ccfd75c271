package org.gongzhi.plugins.threelinked.internal;

import java.time.Clock;
import java.time.YearMonth;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 三联 on the district's big screen (大屏面板): residents' needs published as service orders this month,
 * needs matched this month (their order was taken), and the service orders still open now — waiting
 * for a taker, or taken and not yet delivered. Module {@code src/main/resources/screen/matching.js},
 * served at {@code /console/plugins/three-linked-community/matching.js}. Counts only: no resident's
 * name, phone or need text.
 *
 * <p>Figures: {@code needsPublished}, {@code needsMatched} (days of the month, Asia/Shanghai, as
 * {@link Figures} dates them), {@code ordersOpen} = {@code ordersAwaiting} (published, no taker) +
 * {@code ordersInService} (taken). Reads only.
 */
@Component(service = ScreenPanel.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeLinkedModel.ID)
public final class NeedsPanel implements ScreenPanel {

    private final PluginStorage storage;

    @Activate
    public NeedsPanel(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    @Override
    public String model() {
        return ThreeLinkedModel.ID;
    }

    @Override
    public String id() {
        return "matching";
    }

    @Override
    public String labelZh() {
        return "三联需求对接";
    }

    @Override
    public String labelEn() {
        return "Needs and service orders";
    }

    @Override
    public String module() {
        return "screen/matching.js";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ScreenFigures figures(String tenantId, YearMonth month) {
        Period period = new Period(month.toString(), month.atDay(1), month.atEndOfMonth());
        Books books = new Books(storage, tenantId, Clock.systemUTC()); // the clock only stamps writes; this reads
        long published = 0;
        long matched = 0;
        for (Need n : books.needs().list(null, null, null)) {
            published += period.contains(n.reached(NeedStatus.PUBLISHED)) ? 1 : 0;
            matched += period.contains(n.reached(NeedStatus.MATCHED)) ? 1 : 0;
        }
        long awaiting = books.orders().list(null, ServiceOrder.PUBLISHED).size();
        long inService = books.orders().list(null, ServiceOrder.TAKEN).size();
        return ScreenFigures.builder().count("needsPublished", published).count("needsMatched", matched)
                .count("ordersOpen", awaiting + inService).count("ordersAwaiting", awaiting)
                .count("ordersInService", inService).build();
    }
}
