package org.gongzhi.plugins.template.internal;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.Map;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.ScreenFigures;
import org.gongzhi.plugin.api.ScreenPanel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The template's panel on the district's big screen (大屏面板, guide section 15): work notes written
 * this month, the grids they name, and the busiest grids. The module is
 * {@code src/main/resources/screen/notes-board.js}, served at {@code /console/plugins/template/notes-board.js};
 * it reads these figures from the core ({@code GET …/screen/panels/template/notes-board}), never the
 * notes endpoint: wall screens sign in as {@code screen-viewer}, which reads no plugin endpoint.
 *
 * <p>Rules: {@link ScreenFigures} holds counts, rates and short row labels only — never a note's
 * text, an author or a resident; a row label names a place, an organisation or a category. Read,
 * never write; answer within a second or two (the core keeps the answer 15 s). COPY ME: keep the
 * counting in a plain class ({@link Notes#countByGrid}), as for the report section.
 */
@Component(service = ScreenPanel.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class NotesPanel implements ScreenPanel {

    /** How many grids the panel lists. */
    static final int TOP = 5;

    private final Notes notes;

    @Activate
    public NotesPanel(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.notes = new Notes(storage, tenants);
    }

    @Override
    public String model() {
        return TemplateModel.ID;
    }

    @Override
    public String id() {
        return "notes-board";                  // not "notes": the console page has that id
    }

    @Override
    public String labelZh() {
        return "本月工作备注";
    }

    @Override
    public String labelEn() {
        return "Work notes this month";
    }

    @Override
    public String module() {
        return "screen/notes-board.js";
    }

    @Override
    public ScreenFigures figures(String tenantId, YearMonth month) {
        Map<String, Long> byGrid = notes.countByGrid(tenantId, month.atDay(1), month.plusMonths(1).atDay(1));
        long total = byGrid.values().stream().mapToLong(Long::longValue).sum();
        long grids = byGrid.keySet().stream().filter(g -> !Notes.NO_GRID.equals(g)).count();
        ScreenFigures.Builder b = ScreenFigures.builder().count("notes", total).count("grids", grids);
        byGrid.entrySet().stream().filter(e -> !Notes.NO_GRID.equals(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP).forEach(e -> b.row(e.getKey(), e.getKey(), r -> r.count("notes", e.getValue())));
        return b.build();
    }
}
