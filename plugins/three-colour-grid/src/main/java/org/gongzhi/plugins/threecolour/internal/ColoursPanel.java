package org.gongzhi.plugins.threecolour.internal;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginRecord;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 一网三色 on the district's big screen (大屏面板): whistles blown this month and how many got an answer,
 * and the cases reported this month by triage colour (green 简易, yellow 需协调, red 重点难点, from the
 * tallies' colour counters). Module {@code src/main/resources/screen/colours.js}, served at
 * {@code /console/plugins/three-colour-grid/colours.js}. Counts only: no whistle summary, no name.
 *
 * <p>Figures: {@code whistles}, {@code answered} (whistles with at least one response),
 * {@code answerRate}, {@code reported} (cases of the month with a tier); rows {@code green},
 * {@code yellow}, {@code red}, each with {@code reported}. Reads only.
 */
@Component(service = ScreenPanel.class, property = DistrictModel.MODEL_PROPERTY + "=" + ThreeColourGridModel.ID)
public final class ColoursPanel implements ScreenPanel {

    private final PluginStorage storage;

    @Activate
    public ColoursPanel(@Reference PluginStorage storage) {
        this.storage = storage;
    }

    @Override
    public String model() {
        return ThreeColourGridModel.ID;
    }

    @Override
    public String id() {
        return "colours";
    }

    @Override
    public String labelZh() {
        return "一网三色";
    }

    @Override
    public String labelEn() {
        return "One net, three colours";
    }

    @Override
    public String module() {
        return "screen/colours.js";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ScreenFigures figures(String tenantId, YearMonth month) {
        long whistles = 0;
        long answered = 0;
        for (PluginRecord r : Records.all(storage.collection(tenantId, ThreeColourGridModel.ID,
                ThreeColourGridModel.WHISTLES), "month=" + month)) {
            whistles++;
            if (WhistleView.of(r).firstResponseAt() != null) {
                answered++;
            }
        }
        TallyBook tallies = new TallyBook(storage.collection(tenantId, ThreeColourGridModel.ID, ThreeColourGridModel.TALLIES));
        Map<Tier, Long> byTier = new EnumMap<>(Tier.class);
        for (PluginRecord r : tallies.ofMonth(month)) {
            for (Tier t : Tier.values()) {
                byTier.merge(t, Records.number(r.data(), TallyBook.reportedIn(t)), Long::sum);
            }
        }
        ScreenFigures.Builder b = ScreenFigures.builder().count("whistles", whistles).count("answered", answered)
                .rate("answerRate", GridFigures.ratio(answered, whistles))
                .count("reported", byTier.values().stream().mapToLong(Long::longValue).sum());
        for (Tier t : Tier.values()) {
            b.row(t.colour(), t.colourLabel(), r -> r.count("reported", byTier.getOrDefault(t, 0L)));
        }
        return b.build();
    }
}
