package org.gongzhi.plugins.oldmanstudios.internal;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * 老倌俚调解 on the district's big screen (大屏面板): disputes registered this month, mediated
 * successfully (agreements reached this month), the success rate, and the same per studio. The
 * figures are {@link FiguresService}'s for the days of the month (those of {@code GET …/figures} and
 * the report section). Module {@code src/main/resources/screen/mediation.js}, served at
 * {@code /console/plugins/old-man-studios/mediation.js}. Counts only — studio names, never parties,
 * mediators or phones.
 *
 * <p>Figures: {@code disputes} (registered in the month), {@code withOutcome}, {@code agreements},
 * {@code successRate} (agreements / disputes with an outcome); rows: the studios with an outcome in
 * the month, most agreements first, each with {@code withOutcome}, {@code agreements},
 * {@code successRate}. Reads only.
 */
@Component(service = ScreenPanel.class, property = DistrictModel.MODEL_PROPERTY + "=" + OldManStudiosModel.ID)
public final class MediationPanel implements ScreenPanel {

    private static final Comparator<FiguresService.Unit> MOST_AGREEMENTS = Comparator
            .comparingLong((FiguresService.Unit u) -> u.summary().agreements()).reversed()
            .thenComparing(Comparator.comparingLong((FiguresService.Unit u) -> u.summary().withOutcome()).reversed());

    private final FiguresService figures;

    @Activate
    public MediationPanel(@Reference PluginStorage storage) {
        this.figures = new FiguresService(storage);
    }

    @Override
    public String model() {
        return OldManStudiosModel.ID;
    }

    @Override
    public String id() {
        return "mediation";
    }

    @Override
    public String labelZh() {
        return "老倌俚调解";
    }

    @Override
    public String labelEn() {
        return "Old-man studio mediation";
    }

    @Override
    public String module() {
        return "screen/mediation.js";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public ScreenFigures figures(String tenantId, YearMonth month) {
        FiguresService.Period p = figures.period(tenantId, month.atDay(1), month.atEndOfMonth());
        Figures.Summary d = p.district();
        ScreenFigures.Builder b = ScreenFigures.builder().count("disputes", p.registered())
                .count("withOutcome", d.withOutcome()).count("agreements", d.agreements())
                .rate("successRate", d.successRate());
        List<FiguresService.Unit> active = p.studios().stream().filter(u -> u.summary().withOutcome() > 0)
                .sorted(MOST_AGREEMENTS).limit(ScreenFigures.MAX_ROWS).toList();
        for (FiguresService.Unit u : active) {
            b.row(u.id(), label(u.name()), r -> r.count("withOutcome", u.summary().withOutcome())
                    .count("agreements", u.summary().agreements()).rate("successRate", u.summary().successRate()));
        }
        return b.build();
    }

    /** A studio's name as a row label: at most {@value ScreenFigures#MAX_LABEL} characters (names may have 60). */
    private static String label(String name) {
        String n = name == null || name.isBlank() ? "—" : name.strip();
        return n.length() <= ScreenFigures.MAX_LABEL ? n : n.substring(0, ScreenFigures.MAX_LABEL - 1) + "…";
    }
}
