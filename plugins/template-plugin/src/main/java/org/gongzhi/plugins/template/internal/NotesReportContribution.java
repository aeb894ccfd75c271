package org.gongzhi.plugins.template.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gongzhi.plugin.api.DistrictModel;
import org.gongzhi.plugin.api.PluginStorage;
import org.gongzhi.plugin.api.PluginTenants;
import org.gongzhi.plugin.api.ReportContribution;
import org.gongzhi.plugin.api.ReportSection;
import org.gongzhi.plugin.api.ReportTable;
import org.gongzhi.plugin.api.ReportTable.Column;
import org.gongzhi.plugin.api.ReportTable.Type;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The template's section of the periodic reports (月报、季报、半年通报): 工作备注情况, the notes written in
 * the period, per grid. The core calls every {@link ReportContribution} of the models a tenant
 * enabled, on its report thread, and puts the sections into the PDF, XLSX and CSV it produces.
 *
 * <p>Rules: answer only for tenants that enabled the model (check first, before any read); read,
 * never write; a period is {@code [from, to)}, days of the tenant's calendar; nothing to show → a
 * section that says so (本期无数据), not an empty table; counts are {@code INTEGER}, percentages
 * {@code PERCENT} fractions in [0, 1]. Stateless, so thread-safe. COPY ME: keep the counting in a
 * plain class ({@link Notes#countByGrid}) and only the layout here.
 */
@Component(service = ReportContribution.class, property = DistrictModel.MODEL_PROPERTY + "=" + TemplateModel.ID)
public final class NotesReportContribution implements ReportContribution {


    private final PluginTenants tenants;
    private final Notes notes;                                 // plain class, shared with NotesResource

    @Activate
    public NotesReportContribution(@Reference PluginStorage storage, @Reference PluginTenants tenants) {
        this.tenants = tenants;
        this.notes = new Notes(storage, tenants);
    }

    @Override
    public List<ReportSection> sections(String tenantId, String kind, LocalDate from, LocalDate to) {
        if (!tenants.isEnabled(tenantId, TemplateModel.ID) || !from.isBefore(to)) {
            return List.of();                                  // not enabled: read nothing
        }
        Map<String, Long> byGrid = notes.countByGrid(tenantId, from, to);     // counts, never writes
        if (byGrid.isEmpty()) {
            return List.of(ReportSection.noData("工作备注情况", "Work notes"));
        }
        List<List<Object>> rows = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : byGrid.entrySet()) {
            rows.add(List.of(Notes.NO_GRID.equals(e.getKey()) ? "未指定网格" : e.getKey(), e.getValue()));
            total += e.getValue();
        }
        long grids = byGrid.keySet().stream().filter(g -> !Notes.NO_GRID.equals(g)).count();
        ReportTable table = new ReportTable(List.of(new Column("网格编码", Type.TEXT), new Column("备注条数", Type.INTEGER)),
                rows);
        return List.of(new ReportSection("工作备注情况", "Work notes",
                List.of("本期共记录工作备注 " + total + " 条，涉及 " + grids + " 个网格。"), table));
    }
}
